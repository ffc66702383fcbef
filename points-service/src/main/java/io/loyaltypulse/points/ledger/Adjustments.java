package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsAdjustmentRequested;
import io.loyaltypulse.events.PointsRequestStatus;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import org.apache.avro.specific.SpecificRecord;

/**
 * An administrator's audited correction:
 * {@code +p: ADJUST credits p, available at once; -p: APPROVED iff p <= available; INVALID without points, a reason or an actor, or beyond MAX_POINTS}.
 */
final class Adjustments {

	/**
	 * The largest correction either way: far above any real one, and far enough below
	 * {@code Long.MAX_VALUE} that no balance can wrap around, whoever wrote the request.
	 */
	static final long MAX_POINTS = PointsEngine.MAX_ADJUSTMENT_POINTS;

	private final RequestDecisions decisions;

	private final Lots lots;

	private final Timeline timeline;

	Adjustments(RequestDecisions decisions, Lots lots, Timeline timeline) {
		this.decisions = decisions;
		this.lots = lots;
		this.timeline = timeline;
	}

	void apply(CustomerAccount account, CustomerHistory history, PointsAdjustmentRequested adjustment,
			List<SpecificRecord> out) {
		Request request = Request.of(adjustment);
		Instant at = adjustment.getOccurredAt();
		if (this.decisions.answerAgain(account, history, request, at, out)) {
			return;
		}
		this.timeline.advance(account, at, out);
		if (adjustment.getPoints() == 0 || adjustment.getReason().isBlank() || adjustment.getActor().isBlank()) {
			this.decisions.decide(account, history, request, at, PointsRequestStatus.INVALID, null,
					"an adjustment needs non-zero points, a reason and an actor", out);
			return;
		}
		if (adjustment.getPoints() > MAX_POINTS || adjustment.getPoints() < -MAX_POINTS) {
			this.decisions.decide(account, history, request, at, PointsRequestStatus.INVALID, null,
					"an adjustment is at most %d points either way".formatted(MAX_POINTS), out);
			return;
		}
		String explanation = "Adjustment by %s: %s".formatted(adjustment.getActor(), adjustment.getReason());
		EntryCause cause = EntryCause.actor(adjustment.getEventId(), adjustment.getActor());
		PointsTransaction entry;
		if (adjustment.getPoints() > 0) {
			entry = this.lots.credit(account, PointsTransactionKind.ADJUST, adjustment.getPoints(), at,
					at.toEpochMilli(), cause, explanation);
		}
		else {
			long debit = -adjustment.getPoints();
			long available = account.available(at.toEpochMilli());
			if (available < debit) {
				this.decisions.decide(account, history, request, at, PointsRequestStatus.INSUFFICIENT_POINTS, null,
						"%d points to debit, %d available".formatted(debit, Math.max(0, available)), out);
				return;
			}
			entry = this.lots.spend(account, PointsTransactionKind.ADJUST, debit, at, cause, explanation);
		}
		out.add(entry);
		this.decisions.decide(account, history, request, at, PointsRequestStatus.APPROVED, entry.getEventId(),
				explanation, out);
	}

}
