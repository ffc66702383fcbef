package io.loyaltypulse.points.ledger;

import java.time.Duration;
import java.time.Instant;

import io.loyaltypulse.points.PointsTestRules;
import io.loyaltypulse.points.tiers.TierTracker;

/**
 * Accounts and rules for the rule tests, set up by hand so that each test shows the state
 * it starts from: customer c1, lots expiring 12 months after their credit, the tiers of
 * {@link PointsTestRules}.
 */
final class LedgerFixtures {

	static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

	static final int EXPIRY_MONTHS = 12;

	static final TierTracker TIERS = new TierTracker(PointsTestRules.TIERS);

	private LedgerFixtures() {
	}

	static CustomerAccount account() {
		return CustomerAccount.open("c1");
	}

	static Lots lots() {
		return new Lots(EXPIRY_MONTHS);
	}

	static Timeline timeline() {
		return new Timeline(new Expiry(EXPIRY_MONTHS), TIERS,
				new ReferralQualification(PointsTestRules.ENGAGEMENTS, lots()));
	}

	/**
	 * Adds a lot as if it had been credited by the account's next ledger entry.
	 */
	static Lot lot(CustomerAccount account, String orderId, long points, Instant availableAt, Instant expiresAt) {
		account.sequence++;
		Lot lot = new Lot(account.sequence, orderId, points, availableAt.toEpochMilli(), expiresAt.toEpochMilli());
		account.lots.add(lot);
		account.lots.sort(Lots.SPENDING_ORDER);
		return lot;
	}

	/** A lot available since {@code T0}, expiring {@code days} after it. */
	static Lot availableLot(CustomerAccount account, long points, int days) {
		return lot(account, null, points, T0, T0.plus(Duration.ofDays(days)));
	}

	static Instant days(long days) {
		return T0.plus(Duration.ofDays(days));
	}

}
