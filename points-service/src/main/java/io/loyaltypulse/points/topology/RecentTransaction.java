package io.loyaltypulse.points.topology;

import java.time.Instant;

import io.loyaltypulse.events.PointsTransaction;

/**
 * A ledger entry as kept in the {@code points-transactions} store for the query API: each
 * customer's entries of the retention period, without the lot movements.
 *
 * @param transactionId the entry's eventId
 * @param sequence position in the customer's ledger
 * @param occurredAt when it took effect
 * @param kind EARN, BONUS, REDEEM, REVERSE_EARN, RESTORE_REDEEM, EXPIRE or ADJUST
 * @param points the change
 * @param balanceAfter total balance after it
 * @param availableAfter available points after it
 * @param pendingAfter pending points after it
 * @param sourceEventId the event that caused it
 * @param orderId the order, if any
 * @param shortfall points not taken back under CAP_AT_ZERO
 * @param explanation the rules applied
 */
public record RecentTransaction(String transactionId, long sequence, Instant occurredAt, String kind, long points,
		long balanceAfter, long availableAfter, long pendingAfter, String sourceEventId, String orderId, long shortfall,
		String explanation) {

	public static RecentTransaction of(PointsTransaction entry) {
		return new RecentTransaction(entry.getEventId(), entry.getSequence(), entry.getOccurredAt(),
				entry.getKind().name(), entry.getPoints(), entry.getBalanceAfter(), entry.getAvailableAfter(),
				entry.getPendingAfter(), entry.getSourceEventId(), entry.getOrderId(), entry.getShortfall(),
				entry.getExplanation());
	}

}
