package io.loyaltypulse.points.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.points.InvalidEventException;
import io.loyaltypulse.points.earning.Earning;
import io.loyaltypulse.points.earning.EarningCalculator;
import io.loyaltypulse.points.earning.LineEarning;
import io.loyaltypulse.points.tiers.TierTracker;
import org.apache.avro.specific.SpecificRecord;

/**
 * A purchase earns once, pending through the return window:
 * {@code EARN = earning(purchase, tier held), availableAt = occurredAt + returnWindow; qualifying(day of purchase) += EARN}.
 *
 * <p>
 * The order's record keeps what each line earned, so that a refund takes back exactly
 * that, and the purchase's event id, so that a redelivery changes nothing.
 */
final class PurchaseEarning {

	private final EarningCalculator earning;

	private final TierTracker tiers;

	private final Lots lots;

	private final Timeline timeline;

	private final Duration returnWindow;

	PurchaseEarning(EarningCalculator earning, TierTracker tiers, Lots lots, Timeline timeline, Duration returnWindow) {
		this.earning = earning;
		this.tiers = tiers;
		this.lots = lots;
		this.timeline = timeline;
		this.returnWindow = returnWindow;
	}

	void apply(CustomerAccount account, CustomerHistory history, PurchaseCompleted purchase, List<SpecificRecord> out) {
		OrderRecord existing = history.order(purchase.getOrderId());
		if (isRedelivery(existing, purchase)) {
			return;
		}
		PurchaseValidation.check(purchase);
		Instant at = purchase.getOccurredAt();
		this.timeline.advance(account, at, out);
		Earning earned = this.earning.earn(purchase, this.tiers.current(account.tiers));
		OrderRecord order = recordEarning(existing, purchase, earned);
		if (earned.points() > 0) {
			PointsTransaction entry = this.lots.credit(account, PointsTransactionKind.EARN, earned.points(), at,
					at.plus(this.returnWindow).toEpochMilli(),
					EntryCause.order(purchase.getEventId(), purchase.getOrderId()),
					earned.explanation() + "; pending until the return window ends");
			order.lotSequence = entry.getSequence();
			out.add(entry);
			out.addAll(this.tiers.addQualifying(account.tiers, account.customerId, at, earned.points(), at));
		}
		history.saveOrder(order);
	}

	/**
	 * The same purchase again changes nothing; the same order under another event id is
	 * refused: it would earn twice.
	 */
	private static boolean isRedelivery(OrderRecord existing, PurchaseCompleted purchase) {
		if (existing == null || !existing.wasEarned()) {
			return false;
		}
		if (existing.earnEventId.equals(purchase.getEventId())) {
			return true;
		}
		throw new InvalidEventException("order " + purchase.getOrderId()
				+ " already earned points under another eventId; the same fact must keep its eventId");
	}

	private static OrderRecord recordEarning(OrderRecord existing, PurchaseCompleted purchase, Earning earned) {
		long at = purchase.getOccurredAt().toEpochMilli();
		OrderRecord order = (existing != null) ? existing : new OrderRecord(purchase.getOrderId(), at);
		order.earnEventId = purchase.getEventId();
		order.earnedAt = at;
		// Kept for the order retention after the purchase, even when a redemption against
		// the order created the record earlier.
		order.storedAt = Math.max(order.storedAt, at);
		order.total = purchase.getTotal();
		order.currency = purchase.getCurrency();
		order.points = earned.points();
		Map<String, String> skus = new HashMap<>();
		purchase.getLines().forEach((line) -> skus.put(line.getLineId(), line.getSku()));
		for (LineEarning line : earned.lines()) {
			order.lines.put(line.lineId(),
					new OrderRecord.LineRecord(line.quantity(), line.points(), skus.get(line.lineId())));
		}
		return order;
	}

}
