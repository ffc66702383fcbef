package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.ReferralQualified;
import io.loyaltypulse.points.InvalidEventException;
import org.apache.avro.specific.SpecificRecord;

/**
 * A referrer earns once per qualified referral, a limited number a year:
 * {@code BONUS(referrer) = referrerBonusPoints for each ReferralQualified id, if fewer than maxPerYear were paid in its calendar year}.
 *
 * <p>
 * One over the limit is refused with that reason, which the dead-letter topic keeps; a
 * repeated one (a replay, a redelivery) changes nothing.
 */
final class ReferralReward {

	private final EngagementBonuses bonuses;

	private final Lots lots;

	private final Timeline timeline;

	ReferralReward(EngagementBonuses bonuses, Lots lots, Timeline timeline) {
		this.bonuses = bonuses;
		this.lots = lots;
		this.timeline = timeline;
	}

	void apply(CustomerAccount account, CustomerHistory history, ReferralQualified qualified,
			List<SpecificRecord> out) {
		Instant at = qualified.getOccurredAt();
		if (!history.firstTime(qualified.getEventId(), at)) {
			return;
		}
		if (qualified.getReferredCustomerId().equals(account.customerId)) {
			throw new InvalidEventException(
					"No referral bonus for customer " + account.customerId + ": nobody can refer themself");
		}
		this.timeline.advance(account, at, out);
		int year = PeriodCount.yearOf(at);
		if (account.referralBonuses.countIn(year) >= this.bonuses.maxReferralBonusesPerYear()) {
			throw new InvalidEventException(
					"No referral bonus for customer %s for referring customer %s: the limit of %d referral bonuses a year is reached (loyalty.points.max-referral-bonuses-per-year)"
						.formatted(account.customerId, qualified.getReferredCustomerId(),
								this.bonuses.maxReferralBonusesPerYear()));
		}
		account.referralBonuses = account.referralBonuses.plusOne(year);
		long points = this.bonuses.referrerBonusPoints();
		out.add(this.lots.credit(account, PointsTransactionKind.BONUS, points, at, at.toEpochMilli(),
				EntryCause.event(qualified.getEventId()),
				"Bonus for referring customer %s: their first purchase, order %s, passed its return window without a full refund: %d points"
					.formatted(qualified.getReferredCustomerId(), qualified.getOrderId(), points)));
	}

}
