package io.loyaltypulse.points.ledger;

import java.time.Duration;

/**
 * The ledger rules from {@code loyalty.points.*}: when earned points become available and
 * expire, what a refund of spent points does, and the bonuses for surveys, reviews and
 * referrals.
 *
 * @param returnWindow earned points stay pending this long after the purchase
 * @param expiryMonths every lot expires this many calendar months after its credit
 * @param negativeBalancePolicy what a refund of already spent points does
 * @param surveyBonusPoints one-off bonus for answering a survey (once per survey); 0
 * disables it
 * @param engagements what reviews and referrals earn
 */
public record LedgerPolicy(Duration returnWindow, int expiryMonths, NegativeBalancePolicy negativeBalancePolicy,
		long surveyBonusPoints, EngagementBonuses engagements) {
}
