package io.loyaltypulse.points.ledger;

/**
 * A decided redemption or adjustment request, kept in {@link CustomerHistory} so that a
 * retry with the same idempotency key gets the same answer; persisted by
 * {@link RequestRecordSerde}.
 */
public final class RequestRecord {

	String requestId;

	/** When it was decided (epoch millis): the time it is stored under. */
	long decidedAt;

	/**
	 * What the request asked, to tell a retry from another request under the same key.
	 */
	String fingerprint;

	String status;

	long points;

	String transactionId;

	long availableAfter;

	long pendingAfter;

	String explanation;

	/** How many outcomes were published for the request, for unique outcome ids. */
	int answers;

	RequestRecord() {
	}

	public String requestId() {
		return this.requestId;
	}

	public long decidedAt() {
		return this.decidedAt;
	}

}
