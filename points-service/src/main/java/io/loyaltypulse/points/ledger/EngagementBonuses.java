package io.loyaltypulse.points.ledger;

/**
 * What reviews and referrals earn, from {@code loyalty.points.*}.
 *
 * @param reviewBonusPoints bonus for a published review of a bought, kept item, once per
 * order line; 0 disables it
 * @param maxReviewBonusesPerMonth review bonuses a customer earns per calendar month
 * (UTC) at most
 * @param referrerBonusPoints bonus for the referrer when the referral qualifies; 0
 * disables it
 * @param referredBonusPoints bonus for the referred customer when the referral qualifies;
 * 0 disables it
 * @param maxReferralBonusesPerYear referral bonuses a referrer earns per calendar year
 * (UTC) at most
 */
public record EngagementBonuses(long reviewBonusPoints, int maxReviewBonusesPerMonth, long referrerBonusPoints,
		long referredBonusPoints, int maxReferralBonusesPerYear) {
}
