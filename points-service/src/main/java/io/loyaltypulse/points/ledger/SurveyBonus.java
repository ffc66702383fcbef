package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.SurveyResponded;
import org.apache.avro.specific.SpecificRecord;

/**
 * Answering a survey is rewarded once:
 * {@code BONUS = surveyBonusPoints for the first answer to each survey id, available at once; 0 disables it}.
 */
final class SurveyBonus {

	private final long bonusPoints;

	private final Lots lots;

	private final Timeline timeline;

	SurveyBonus(long bonusPoints, Lots lots, Timeline timeline) {
		this.bonusPoints = bonusPoints;
		this.lots = lots;
		this.timeline = timeline;
	}

	void apply(CustomerAccount account, CustomerHistory history, SurveyResponded response, List<SpecificRecord> out) {
		Instant at = response.getOccurredAt();
		if (!history.firstTime(response.getEventId(), at)) {
			return;
		}
		this.timeline.advance(account, at, out);
		// A second answer to the same survey is remembered as processed all the same:
		// it is no bonus, not bad data.
		if (this.bonusPoints <= 0 || !history.firstBonusFor(response.getSurveyId(), at)) {
			return;
		}
		out.add(this.lots.credit(account, PointsTransactionKind.BONUS, this.bonusPoints, at, at.toEpochMilli(),
				EntryCause.event(response.getEventId()), "Bonus for answering survey %s: %d points, once per survey"
					.formatted(response.getSurveyId(), this.bonusPoints)));
	}

}
