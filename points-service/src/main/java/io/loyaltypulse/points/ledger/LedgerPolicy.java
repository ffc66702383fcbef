package io.loyaltypulse.points.ledger;

import java.time.Duration;

/**
 * The ledger rules from {@code loyalty.points.*}: when earned points become available and
 * expire, what a refund of spent points does, the survey bonus, and how long processed
 * event ids are remembered.
 *
 * @param returnWindow earned points stay pending this long after the purchase
 * @param expiryMonths every lot expires this many calendar months after its credit
 * @param negativeBalancePolicy what a refund of already spent points does
 * @param surveyBonusPoints one-off bonus for answering a survey (once per survey); 0
 * disables it
 * @param dedupRetention processed event ids are remembered at least this long (event
 * time)
 * @param dedupMaxEntries and at most this many per customer, the oldest forgotten first
 * @param orderRetention orders are kept for refunds this long after the purchase
 */
public record LedgerPolicy(Duration returnWindow, int expiryMonths, NegativeBalancePolicy negativeBalancePolicy,
		long surveyBonusPoints, Duration dedupRetention, int dedupMaxEntries, Duration orderRetention) {
}
