package io.loyaltypulse.points.ledger;

/**
 * Why a ledger entry was written: the event that caused it, and the order or the
 * administrator where there is one.
 *
 * @param sourceEventId the event (or, for an expiry, the lot) the entry comes from
 * @param orderId the order the points were earned on, redeemed against or refunded from;
 * null if none
 * @param actor the administrator of an adjustment; null otherwise
 */
record EntryCause(String sourceEventId, String orderId, String actor) {

	static EntryCause event(String sourceEventId) {
		return new EntryCause(sourceEventId, null, null);
	}

	static EntryCause order(String sourceEventId, String orderId) {
		return new EntryCause(sourceEventId, orderId, null);
	}

	static EntryCause actor(String sourceEventId, String actor) {
		return new EntryCause(sourceEventId, null, actor);
	}

}
