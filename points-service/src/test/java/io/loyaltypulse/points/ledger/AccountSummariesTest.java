package io.loyaltypulse.points.ledger;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.T0;
import static io.loyaltypulse.points.ledger.LedgerFixtures.TIERS;
import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static io.loyaltypulse.points.ledger.LedgerFixtures.availableLot;
import static io.loyaltypulse.points.ledger.LedgerFixtures.days;
import static io.loyaltypulse.points.ledger.LedgerFixtures.lot;
import static org.assertj.core.api.Assertions.assertThat;

class AccountSummariesTest {

	final AccountSummaries summaries = new AccountSummaries(LedgerFixtures.timeline(), TIERS);

	final CustomerAccount account = account();

	@Test
	void shouldSummarizeAsOfAMomentWithWhatFellDueByThenApplied() {
		availableLot(this.account, 10, 5);
		lot(this.account, "o1", 100, days(30), days(300));
		this.account.shortfall = 7;

		PointsSummary summary = this.summaries.summarize(this.account, days(10), 30);

		assertThat(summary.available()).as("the lot of 10 expired on day 5").isZero();
		assertThat(summary.pending()).isEqualTo(100);
		assertThat(summary.shortfall()).isEqualTo(7);
		assertThat(summary.tier()).isEqualTo("BASE");
		assertThat(summary.nextTier()).isEqualTo("SILVER");
		assertThat(summary.pointsToNextTier()).isEqualTo(500);
		assertThat(summary.tierPeriodEndsAt()).isNull();
	}

	@Test
	void shouldCountAsExpiringSoonALotThatExpiresExactlyAtTheHorizon() {
		availableLot(this.account, 10, 40);
		availableLot(this.account, 20, 41);

		PointsSummary summary = this.summaries.summarize(this.account, days(10), 30);

		assertThat(summary.expiringSoon()).isEqualTo(10);
		assertThat(summary.expiring()).singleElement().isEqualTo(new PointsSummary.Expiring(10, days(40), true));
	}

	@Test
	void shouldShowTheTierAndWhatTheNextOneNeeds() {
		TIERS.addQualifying(this.account.tiers, "c1", T0, 600, T0);

		PointsSummary summary = this.summaries.summarize(this.account, days(1), 30);

		assertThat(summary.tier()).isEqualTo("SILVER");
		assertThat(summary.qualifyingPoints()).isEqualTo(600);
		assertThat(summary.pointsToNextTier()).isEqualTo(400);
		assertThat(summary.tierPeriodEndsAt()).isEqualTo(Instant.parse("2027-03-02T10:00:00Z"));
	}

}
