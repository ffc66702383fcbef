package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsRedemptionRequested;
import io.loyaltypulse.events.PointsRequestStatus;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import org.apache.avro.specific.SpecificRecord;

/**
 * A redemption spends available points only:
 * {@code APPROVED iff 1 <= points <= available and the order it names is not fully refunded; REDEEM takes the soonest-expiring available lots}.
 *
 * <p>
 * Points redeemed against an order are counted on the order's record, so that refunding
 * the order gives them back.
 */
final class Redemptions {

	private final RequestDecisions decisions;

	private final Lots lots;

	private final Timeline timeline;

	Redemptions(RequestDecisions decisions, Lots lots, Timeline timeline) {
		this.decisions = decisions;
		this.lots = lots;
		this.timeline = timeline;
	}

	void apply(CustomerAccount account, CustomerHistory history, PointsRedemptionRequested redemption,
			List<SpecificRecord> out) {
		Request request = Request.of(redemption);
		Instant at = redemption.getOccurredAt();
		if (this.decisions.answerAgain(account, history, request, at, out)) {
			return;
		}
		this.timeline.advance(account, at, out);
		if (redemption.getPoints() <= 0) {
			refuse(account, history, request, at, PointsRequestStatus.INVALID,
					"a redemption must be of at least 1 point", out);
			return;
		}
		OrderRecord against = (redemption.getOrderId() != null) ? history.order(redemption.getOrderId()) : null;
		if (against != null && against.isFullyRefunded()) {
			refuse(account, history, request, at, PointsRequestStatus.INVALID,
					"order %s is fully refunded: no points can be redeemed against it"
						.formatted(redemption.getOrderId()),
					out);
			return;
		}
		long available = account.available(at.toEpochMilli());
		if (available < redemption.getPoints()) {
			refuse(account, history, request, at, PointsRequestStatus.INSUFFICIENT_POINTS,
					"%d points requested, %d available".formatted(redemption.getPoints(), Math.max(0, available)), out);
			return;
		}
		PointsTransaction entry = this.lots.spend(account, PointsTransactionKind.REDEEM, redemption.getPoints(), at,
				EntryCause.order(redemption.getEventId(), redemption.getOrderId()), explanation(redemption));
		if (redemption.getOrderId() != null) {
			countAgainstOrder(history, against, redemption);
		}
		out.add(entry);
		this.decisions.decide(account, history, request, at, PointsRequestStatus.APPROVED, entry.getEventId(),
				entry.getExplanation(), out);
	}

	private void refuse(CustomerAccount account, CustomerHistory history, Request request, Instant at,
			PointsRequestStatus status, String explanation, List<SpecificRecord> out) {
		this.decisions.decide(account, history, request, at, status, null, explanation, out);
	}

	/**
	 * The order may not be known yet: points paid at checkout come before the purchase is
	 * published.
	 */
	private static void countAgainstOrder(CustomerHistory history, OrderRecord against,
			PointsRedemptionRequested redemption) {
		OrderRecord order = (against != null) ? against
				: new OrderRecord(redemption.getOrderId(), redemption.getOccurredAt().toEpochMilli());
		order.redeemed += redemption.getPoints();
		history.saveOrder(order);
	}

	private static String explanation(PointsRedemptionRequested redemption) {
		return "Redemption of %d points%s%s".formatted(redemption.getPoints(),
				(redemption.getOrderId() != null) ? " against order " + redemption.getOrderId() : "",
				(redemption.getDescription() != null) ? " (" + redemption.getDescription() + ")" : "");
	}

}
