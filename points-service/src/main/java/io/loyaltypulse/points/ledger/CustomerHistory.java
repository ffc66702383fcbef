package io.loyaltypulse.points.ledger;

import java.time.Instant;

/**
 * The cold part of one customer's state, which the engine reads only when an event needs
 * it: orders (for exact refunds), processed event ids (for deduplication), decided
 * requests (to answer a retry the same way) and the surveys a bonus was paid for. Each is
 * remembered for a retention period after its time and then forgotten by the store; the
 * engine never sees an event older than that period (the topology dead-letters it, see
 * PointsProcessor), so what it looks up is there if it ever happened.
 *
 * <p>
 * Writes must not be visible outside the current event until the caller decides to keep
 * it: an event that turns out invalid half-way leaves no trace.
 */
public interface CustomerHistory {

	/**
	 * Remembers an event id at its time; false if it was already processed.
	 */
	boolean firstTime(String eventId, Instant at);

	/** The order, or null if none is known (never seen, or forgotten). */
	OrderRecord order(String orderId);

	void saveOrder(OrderRecord order);

	/** The request decided under this id, or null. */
	RequestRecord request(String requestId);

	void saveRequest(RequestRecord request);

	/**
	 * Remembers that a bonus was paid for the survey; false if it was paid before.
	 */
	boolean firstBonusFor(String surveyId, Instant at);

}
