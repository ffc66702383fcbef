package io.loyaltypulse.points.topology;

import java.time.Instant;

import io.loyaltypulse.events.PointsTierChanged;
import io.loyaltypulse.events.PointsTierDowngradeWarning;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.points.ledger.PointsSummary;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.Events.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tiers on qualifying points over a rolling 12 months: BASE, SILVER from 500 (x1.25),
 * GOLD from 1000 (x1.5); up at once, down only at the end of the 12-month period, warned
 * 30 days before.
 */
class TierTopologyTest extends OneDriverPerTest {

	@Test
	void shouldUpgradeAtOnceWarnBeforeThePeriodEndsAndDowngradeOnlyWhenItEnds() {
		this.points.send(
				purchase("c1", "o1", Instant.parse("2026-01-10T12:00:00Z")).line("1", "GROCERY", 1, "800.00").build());
		this.points.send(
				purchase("c1", "o2", Instant.parse("2026-01-20T12:00:00Z")).line("1", "GROCERY", 1, "200.00").build());
		this.points.send(
				purchase("c1", "o3", Instant.parse("2026-08-01T12:00:00Z")).line("1", "GROCERY", 1, "400.00").build());

		// 800 -> SILVER; 200 x 1.25 = 250 -> 1050 -> GOLD until 2027-01-20; 400 x 1.5 =
		// 600
		assertThat(this.points.ledgerEntries()).extracting(PointsTransaction::getPoints)
			.containsExactly(800L, 250L, 600L);
		assertThat(this.points.tierEvents.readValuesToList()).extracting((event) -> (PointsTierChanged) event)
			.extracting(PointsTierChanged::getToTier, PointsTierChanged::getPeriodEndsAt)
			.containsExactly(tuple("SILVER", Instant.parse("2027-01-10T12:00:00Z")),
					tuple("GOLD", Instant.parse("2027-01-20T12:00:00Z")));

		this.points.wallClockTo(Instant.parse("2026-12-22T00:00:00Z"));
		assertThat(this.points.tierEvents.readValuesToList()).singleElement()
			.isInstanceOfSatisfying(PointsTierDowngradeWarning.class, (warning) -> {
				assertThat(warning.getOccurredAt()).isEqualTo(Instant.parse("2026-12-21T12:00:00Z"));
				assertThat(warning.getCurrentTier()).isEqualTo("GOLD");
				assertThat(warning.getProjectedTier()).isEqualTo("SILVER");
				assertThat(warning.getProjectedQualifyingPoints()).isEqualTo(600);
				assertThat(warning.getPointsToKeepTier()).isEqualTo(400);
			});

		this.points.wallClockTo(Instant.parse("2027-01-16T00:00:00Z"));
		PointsSummary midPeriod = this.points.summary("c1", Instant.parse("2027-01-16T00:00:00Z"), 30);
		assertThat(midPeriod.qualifyingPoints()).as("800 of 2026-01-10 no longer count").isEqualTo(850);
		assertThat(midPeriod.tier()).as("below GOLD's 1000, but no downgrade before the period ends").isEqualTo("GOLD");
		assertThat(this.points.tierEvents.isEmpty()).isTrue();

		this.points.wallClockTo(Instant.parse("2027-01-21T00:00:00Z"));
		assertThat(this.points.tierEvents.readValuesToList()).singleElement()
			.isInstanceOfSatisfying(PointsTierChanged.class, (change) -> {
				assertThat(change.getOccurredAt()).isEqualTo(Instant.parse("2027-01-20T12:00:00Z"));
				assertThat(change.getFromTier()).isEqualTo("GOLD");
				assertThat(change.getToTier()).isEqualTo("SILVER");
				assertThat(change.getUpgrade()).isFalse();
				assertThat(change.getQualifyingPoints()).isEqualTo(600);
				assertThat(change.getPeriodEndsAt()).isEqualTo(Instant.parse("2028-01-20T12:00:00Z"));
			});
		PointsSummary after = this.points.summary("c1", Instant.parse("2027-01-21T00:00:00Z"), 30);
		assertThat(after.tier()).isEqualTo("SILVER");
		assertThat(after.nextTier()).isEqualTo("GOLD");
		assertThat(after.pointsToNextTier()).isEqualTo(400);
	}

	@Test
	void shouldCountRefundsAgainstQualifyingPoints() {
		this.points.send(
				purchase("c1", "o1", Instant.parse("2026-03-01T12:00:00Z")).line("1", "GROCERY", 1, "450.00").build());
		this.points.send(io.loyaltypulse.points.Events.refundAmount("c1", "o1", "r1",
				Instant.parse("2026-03-02T12:00:00Z"), "100.00"));
		this.points.send(
				purchase("c1", "o2", Instant.parse("2026-03-03T12:00:00Z")).line("1", "GROCERY", 1, "100.00").build());

		// 450 - 100 + 100 = 450 qualifying: not yet SILVER (500)
		assertThat(this.points.tierEvents.isEmpty()).isTrue();
		assertThat(this.points.summary("c1", Instant.parse("2026-03-04T00:00:00Z"), 30).qualifyingPoints())
			.isEqualTo(450);
	}

}
