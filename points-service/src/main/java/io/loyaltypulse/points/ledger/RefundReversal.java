package io.loyaltypulse.points.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsLotMovement;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.points.InvalidEventException;
import io.loyaltypulse.points.tiers.TierTracker;
import org.apache.avro.specific.SpecificRecord;

/**
 * A refund gives back its share of what was redeemed against the order, then takes back
 * its share of what the order earned:
 * {@code RESTORE_REDEEM = +RefundShares(redeemed), REVERSE_EARN = -RefundShares(earned), spent points by RefundOfSpentPoints; qualifying(day of purchase) -= REVERSE_EARN}.
 */
final class RefundReversal {

	private final Lots lots;

	private final Timeline timeline;

	private final TierTracker tiers;

	private final RefundOfSpentPoints spentPoints;

	RefundReversal(Lots lots, Timeline timeline, TierTracker tiers, RefundOfSpentPoints spentPoints) {
		this.lots = lots;
		this.timeline = timeline;
		this.tiers = tiers;
		this.spentPoints = spentPoints;
	}

	void apply(CustomerAccount account, CustomerHistory history, PurchaseRefunded refund, List<SpecificRecord> out) {
		OrderRecord order = earnedOrder(history, refund);
		if (order.refundEventIds.contains(refund.getEventId())) {
			return;
		}
		this.timeline.advance(account, refund.getOccurredAt(), out);
		order.refundEventIds.add(refund.getEventId());
		BigDecimal left = checkAgainst(order, refund);
		long reversal = refund.getLines().isEmpty()
				? RefundShares.ofAmount(order.points - order.reversed, refund.getAmount(), left)
				: RefundShares.ofLines(order, refund);
		long restoration = RefundShares.ofAmount(order.redeemed - order.restored, refund.getAmount(), left);
		order.refunded = order.refunded.add(refund.getAmount());
		if (restoration > 0) {
			out.add(restoreRedeemed(account, order, refund, restoration));
		}
		if (reversal > 0) {
			out.add(reverseEarned(account, order, refund, reversal));
			out.addAll(this.tiers.addQualifying(account.tiers, account.customerId, Instant.ofEpochMilli(order.earnedAt),
					-reversal, refund.getOccurredAt()));
		}
		history.saveOrder(order);
	}

	private static OrderRecord earnedOrder(CustomerHistory history, PurchaseRefunded refund) {
		OrderRecord order = history.order(refund.getOrderId());
		if (order == null || !order.wasEarned()) {
			throw new InvalidEventException(
					"refund " + refund.getRefundId() + " of unknown order " + refund.getOrderId() + " of customer "
							+ refund.getCustomerId() + ": no purchase of it was processed within the order retention");
		}
		return order;
	}

	/**
	 * A refund is in the order's currency, of a positive amount within what is left of
	 * the order.
	 * @return the amount of the order not yet refunded
	 */
	private static BigDecimal checkAgainst(OrderRecord order, PurchaseRefunded refund) {
		if (!order.currency.equals(refund.getCurrency())) {
			throw new InvalidEventException("refund " + refund.getRefundId() + " in " + refund.getCurrency()
					+ " of an order paid in " + order.currency);
		}
		BigDecimal left = order.total.subtract(order.refunded);
		if (refund.getAmount().signum() <= 0 || refund.getAmount().compareTo(left) > 0) {
			throw new InvalidEventException("refund " + refund.getRefundId() + " of " + refund.getAmount()
					+ " is not positive or exceeds what is left of order " + refund.getOrderId());
		}
		return left;
	}

	/** Redeemed points come back as a new lot, available at once, with a fresh expiry. */
	private PointsTransaction restoreRedeemed(CustomerAccount account, OrderRecord order, PurchaseRefunded refund,
			long points) {
		order.restored += points;
		Instant at = refund.getOccurredAt();
		return this.lots.credit(account, PointsTransactionKind.RESTORE_REDEEM, points, at, at.toEpochMilli(),
				EntryCause.order(refund.getEventId(), refund.getOrderId()),
				"Refund %s of order %s: %s of %s %s refunded, so %d of the %d points redeemed against it are restored"
					.formatted(refund.getRefundId(), refund.getOrderId(), Amounts.plain(order.refunded),
							Amounts.plain(order.total), order.currency, order.restored, order.redeemed));
	}

	private PointsTransaction reverseEarned(CustomerAccount account, OrderRecord order, PurchaseRefunded refund,
			long points) {
		order.reversed += points;
		List<PointsLotMovement> movements = new ArrayList<>();
		long missing = this.lots.takeBack(account, order.lotSequence, points, movements);
		RefundOfSpentPoints.Settlement settlement = this.spentPoints.settle(account, points, missing);
		return LedgerEntry
			.of(PointsTransactionKind.REVERSE_EARN, -settlement.taken(), refund.getOccurredAt(),
					EntryCause.order(refund.getEventId(), refund.getOrderId()))
			.lots(movements)
			.shortfall(settlement.shortfall())
			.appendTo(account,
					"Refund %s of order %s (%s): %d of the %d points earned on it taken back%s".formatted(
							refund.getRefundId(), refund.getOrderId(), whatWasRefunded(order, refund), points,
							order.points, settlement.note()));
	}

	private static String whatWasRefunded(OrderRecord order, PurchaseRefunded refund) {
		if (refund.getLines().isEmpty()) {
			return "%s of %s %s refunded".formatted(Amounts.plain(order.refunded), Amounts.plain(order.total),
					order.currency);
		}
		return "lines " + String.join(", ",
				refund.getLines().stream().map((line) -> line.getLineId() + " x" + line.getQuantity()).toList());
	}

}
