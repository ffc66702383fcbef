package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.events.PointsLotMovement;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.events.ReviewPublished;
import io.loyaltypulse.events.ReviewStatus;
import io.loyaltypulse.points.InvalidEventException;
import org.apache.avro.specific.SpecificRecord;

/**
 * A published review of a bought item that was not returned earns once per order line:
 * {@code BONUS = reviewBonusPoints if PUBLISHED and the order has an unreturned, unreviewed line of the sku and fewer than maxPerMonth paid this month; a refund returning that line takes it back}.
 *
 * <p>
 * A review that earns nothing for a reason (rejected, not bought, returned, reviewed
 * before, the monthly limit) is refused with that reason, which the dead-letter topic
 * keeps; a repeated event changes nothing.
 */
final class ReviewBonus {

	private final EngagementBonuses bonuses;

	private final Lots lots;

	private final Timeline timeline;

	private final RefundOfSpentPoints spentPoints;

	ReviewBonus(EngagementBonuses bonuses, Lots lots, Timeline timeline, RefundOfSpentPoints spentPoints) {
		this.bonuses = bonuses;
		this.lots = lots;
		this.timeline = timeline;
		this.spentPoints = spentPoints;
	}

	void apply(CustomerAccount account, CustomerHistory history, ReviewPublished review, List<SpecificRecord> out) {
		Instant at = review.getOccurredAt();
		if (!history.firstTime(review.getEventId(), at)) {
			return;
		}
		this.timeline.advance(account, at, out);
		if (this.bonuses.reviewBonusPoints() <= 0) {
			return;
		}
		if (review.getStatus() == ReviewStatus.REJECTED) {
			throw refused(review, "moderation rejected it");
		}
		OrderRecord order = history.order(review.getOrderId());
		if (order == null || !order.wasEarned()) {
			throw refused(review, "no purchase of order " + review.getOrderId()
					+ " by this customer is known (within the order retention)");
		}
		Map.Entry<String, OrderRecord.LineRecord> line = lineToReward(order, review);
		int month = PeriodCount.monthOf(at);
		if (account.reviewBonuses.countIn(month) >= this.bonuses.maxReviewBonusesPerMonth()) {
			throw refused(review,
					"the limit of %d review bonuses a month is reached (loyalty.points.max-review-bonuses-per-month)"
						.formatted(this.bonuses.maxReviewBonusesPerMonth()));
		}
		long points = this.bonuses.reviewBonusPoints();
		var entry = this.lots.credit(account, PointsTransactionKind.BONUS, points, at, at.toEpochMilli(),
				EntryCause.order(review.getEventId(), review.getOrderId()),
				"Bonus for review %s of %s (line %s of order %s, %d stars): %d points, once per order line".formatted(
						review.getReviewId(), review.getSku(), line.getKey(), review.getOrderId(), review.getRating(),
						points));
		line.getValue().reviewId = review.getReviewId();
		line.getValue().reviewBonus = points;
		line.getValue().reviewLotSequence = entry.getSequence();
		account.reviewBonuses = account.reviewBonuses.plusOne(month);
		history.saveOrder(order);
		out.add(entry);
	}

	/**
	 * Takes back the review bonus of each line the refund returned (every unit refunded,
	 * or the whole order); called after the refund was applied to the order.
	 */
	void takeBack(CustomerAccount account, CustomerHistory history, PurchaseRefunded refund, List<SpecificRecord> out) {
		OrderRecord order = history.order(refund.getOrderId());
		if (order == null) {
			return;
		}
		boolean changed = false;
		for (Map.Entry<String, OrderRecord.LineRecord> entry : order.lines.entrySet()) {
			OrderRecord.LineRecord line = entry.getValue();
			if (line.reviewBonus > 0 && !line.reviewBonusReversed && (line.isReturned() || order.isFullyRefunded())) {
				line.reviewBonusReversed = true;
				out.add(reverse(account, order, entry.getKey(), line, refund));
				changed = true;
			}
		}
		if (changed) {
			history.saveOrder(order);
		}
	}

	private SpecificRecord reverse(CustomerAccount account, OrderRecord order, String lineId,
			OrderRecord.LineRecord line, PurchaseRefunded refund) {
		List<PointsLotMovement> movements = new ArrayList<>();
		long missing = this.lots.takeBack(account, line.reviewLotSequence, line.reviewBonus, movements);
		RefundOfSpentPoints.Settlement settlement = this.spentPoints.settle(account, line.reviewBonus, missing);
		return LedgerEntry
			.of(PointsTransactionKind.BONUS, -settlement.taken(), refund.getOccurredAt(),
					EntryCause.order(refund.getEventId(), order.orderId))
			.lots(movements)
			.shortfall(settlement.shortfall())
			.appendTo(account, "Bonus for review %s taken back: refund %s returned line %s (%s) of order %s%s"
				.formatted(line.reviewId, refund.getRefundId(), lineId, line.sku, order.orderId, settlement.note()));
	}

	/**
	 * The first line of the reviewed sku that is neither returned nor reviewed before.
	 */
	private static Map.Entry<String, OrderRecord.LineRecord> lineToReward(OrderRecord order, ReviewPublished review) {
		if (order.isFullyRefunded()) {
			throw refused(review, "order " + order.orderId + " was refunded in full");
		}
		List<Map.Entry<String, OrderRecord.LineRecord>> ofSku = order.lines.entrySet()
			.stream()
			.filter((line) -> review.getSku().equals(line.getValue().sku))
			.toList();
		if (ofSku.isEmpty()) {
			throw refused(review, "order " + order.orderId + " has no line of " + review.getSku()
					+ ": the item was not bought in it");
		}
		for (Map.Entry<String, OrderRecord.LineRecord> line : ofSku) {
			if (!line.getValue().isReturned() && line.getValue().reviewId == null) {
				return line;
			}
		}
		Map.Entry<String, OrderRecord.LineRecord> first = ofSku.getFirst();
		if (first.getValue().reviewId != null) {
			throw refused(review,
					"line %s of order %s earned a review bonus already, for review %s: once per order line"
						.formatted(first.getKey(), order.orderId, first.getValue().reviewId));
		}
		throw refused(review, "line %s of order %s was returned".formatted(first.getKey(), order.orderId));
	}

	private static InvalidEventException refused(ReviewPublished review, String reason) {
		return new InvalidEventException("No review bonus for review %s of %s in order %s by customer %s: %s"
			.formatted(review.getReviewId(), review.getSku(), review.getOrderId(), review.getCustomerId(), reason));
	}

}
