package io.loyaltypulse.points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.loyaltypulse.points.earning.Campaign;
import io.loyaltypulse.points.earning.EarningCalculator;
import io.loyaltypulse.points.earning.EarningRules;
import io.loyaltypulse.points.ledger.EngagementBonuses;
import io.loyaltypulse.points.ledger.LedgerPolicy;
import io.loyaltypulse.points.ledger.NegativeBalancePolicy;
import io.loyaltypulse.points.ledger.PointsEngine;
import io.loyaltypulse.points.tiers.Tier;
import io.loyaltypulse.points.tiers.TierRules;
import io.loyaltypulse.points.tiers.TierTracker;

/**
 * The rules the tests run with, small enough to compute by hand: 1 point per EUR, 10 per
 * USD... see each constant.
 */
public final class PointsTestRules {

	/** Black Friday: x2 in store S1 only, 2026-11-27 (UTC). */
	public static final Campaign BLACK_FRIDAY = new Campaign("BLACK-FRIDAY", new BigDecimal("2"),
			Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-28T00:00:00Z"), Set.of("S1"), Set.of());

	/** App week: x1.5 on the APP channel, 2026-12-01 to 2026-12-08. */
	public static final Campaign APP_WEEK = new Campaign("APP-WEEK", new BigDecimal("1.5"),
			Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-08T00:00:00Z"), Set.of(), Set.of("APP"));

	public static final EarningRules EARNING = new EarningRules(
			Map.of("EUR", BigDecimal.ONE, "USD", new BigDecimal("0.9")), Map.of("BOOKS", new BigDecimal("2")),
			List.of(BLACK_FRIDAY, APP_WEEK), RoundingMode.DOWN);

	/**
	 * BASE from 0, SILVER from 500 (x1.25), GOLD from 1000 (x1.5); warned 30 days ahead.
	 */
	public static final TierRules TIERS = new TierRules(List.of(new Tier("BASE", 0, BigDecimal.ONE),
			new Tier("SILVER", 500, new BigDecimal("1.25")), new Tier("GOLD", 1000, new BigDecimal("1.5"))), 30);

	/**
	 * Review bonus 20, at most 2 a month; referral bonus 200 for the referrer and 100 for
	 * the new customer, at most 2 a year per referrer.
	 */
	public static final EngagementBonuses ENGAGEMENTS = new EngagementBonuses(20, 2, 200, 100, 2);

	private PointsTestRules() {
	}

	public static LedgerPolicy policy(NegativeBalancePolicy negativeBalancePolicy) {
		return new LedgerPolicy(Duration.ofDays(30), 12, negativeBalancePolicy, 50, ENGAGEMENTS);
	}

	public static PointsEngine engine(NegativeBalancePolicy negativeBalancePolicy) {
		return new PointsEngine(new EarningCalculator(EARNING), new TierTracker(TIERS), policy(negativeBalancePolicy));
	}

}
