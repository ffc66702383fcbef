package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.ReferralQualified;
import org.apache.avro.specific.SpecificRecord;

/**
 * A referral qualifies when the first purchase's return window closed without a full
 * refund:
 * {@code at qualifiesAt: BONUS(referred) = referredBonusPoints, and ReferralQualified(referrer, eventId = "referral:" + referred) for the referrer's partition}.
 *
 * <p>
 * Due like an expiry (the {@link Timeline} applies it in time order, before an event or
 * from the punctuator), so a replay qualifies it at the same point of the ledger. The
 * referrer's bonus is credited by {@link ReferralReward} on the task that owns the
 * referrer's account.
 */
final class ReferralQualification {

	private final EngagementBonuses bonuses;

	private final Lots lots;

	ReferralQualification(EngagementBonuses bonuses, Lots lots) {
		this.bonuses = bonuses;
		this.lots = lots;
	}

	/** When the account's referral qualifies (epoch millis), or Long.MAX_VALUE. */
	long dueAt(CustomerAccount account) {
		return (account.referral != null) ? account.referral.dueAt() : Long.MAX_VALUE;
	}

	void qualify(CustomerAccount account, List<SpecificRecord> out) {
		Referral referral = account.referral;
		referral.status = Referral.Status.QUALIFIED;
		Instant at = Instant.ofEpochMilli(referral.qualifiesAt);
		long points = this.bonuses.referredBonusPoints();
		if (points > 0) {
			out.add(this.lots.credit(account, PointsTransactionKind.BONUS, points, at, at.toEpochMilli(),
					EntryCause.order(referral.eventId, referral.orderId),
					"Bonus for joining through the referral of customer %s: the first purchase, order %s, passed its return window without a full refund: %d points"
						.formatted(referral.referrerId, referral.orderId, points)));
		}
		if (this.bonuses.referrerBonusPoints() > 0) {
			out.add(ReferralQualified.newBuilder()
				.setEventId("referral:" + account.customerId)
				.setCustomerId(referral.referrerId)
				.setOccurredAt(at)
				.setReferredCustomerId(account.customerId)
				.setReferralEventId(referral.eventId)
				.setOrderId(referral.orderId)
				.build());
		}
	}

}
