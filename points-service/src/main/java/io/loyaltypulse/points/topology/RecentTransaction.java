package io.loyaltypulse.points.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

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

	/**
	 * The customer's last entries in the {@code points-transactions} store, newest first:
	 * the store keeps them in ledger order (see PointsProcessor), so reading backwards
	 * from the end is enough.
	 */
	public static List<RecentTransaction> newestFirst(ReadOnlyWindowStore<String, RecentTransaction> store,
			String customerId, int limit) {
		List<RecentTransaction> entries = new ArrayList<>();
		try (WindowStoreIterator<RecentTransaction> newestFirst = store.backwardFetch(customerId, Instant.EPOCH,
				Instant.ofEpochMilli(Long.MAX_VALUE))) {
			while (newestFirst.hasNext() && entries.size() < limit) {
				entries.add(newestFirst.next().value);
			}
		}
		return entries;
	}

	public static RecentTransaction of(PointsTransaction entry) {
		return new RecentTransaction(entry.getEventId(), entry.getSequence(), entry.getOccurredAt(),
				entry.getKind().name(), entry.getPoints(), entry.getBalanceAfter(), entry.getAvailableAfter(),
				entry.getPendingAfter(), entry.getSourceEventId(), entry.getOrderId(), entry.getShortfall(),
				entry.getExplanation());
	}

}
