package io.loyaltypulse.points.ledger;

/**
 * Points credited together, spent and expired together: every credit creates one lot, and
 * the balance is the sum of the lots' remaining points (less any debt). Persisted as part
 * of {@link CustomerAccount}.
 */
final class Lot {

	/**
	 * The ledger sequence of the credit that created the lot: the lot id is that
	 * transaction's id, {@code customerId:sequence}, also the source of its EXPIRE entry.
	 */
	long sequence;

	/** The order the points were earned on, for EARN lots. */
	String orderId;

	/** Points credited. */
	long points;

	/** Points not yet spent, reversed or expired. */
	long remaining;

	/** When the points can be redeemed (epoch millis): the end of the return window. */
	long availableAt;

	/** When whatever remains expires (epoch millis). */
	long expiresAt;

	Lot() {
	}

	Lot(long sequence, String orderId, long points, long availableAt, long expiresAt) {
		this.sequence = sequence;
		this.orderId = orderId;
		this.points = points;
		this.remaining = points;
		this.availableAt = availableAt;
		this.expiresAt = expiresAt;
	}

	String id(String customerId) {
		return customerId + ":" + this.sequence;
	}

	boolean isAvailableAt(long at) {
		return this.availableAt <= at;
	}

}
