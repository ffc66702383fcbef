package io.loyaltypulse.points.tiers;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsTierChanged;
import io.loyaltypulse.events.PointsTierDowngradeWarning;
import io.loyaltypulse.points.PointsTestRules;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** BASE, SILVER from 500, GOLD from 1000; warned 30 days before a period ends. */
class TierTrackerTest {

	static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

	static final Instant PERIOD_END = Instant.parse("2027-03-02T10:00:00Z");

	final TierTracker tiers = new TierTracker(PointsTestRules.TIERS);

	final TierStatus status = TierStatus.initial();

	@Test
	void shouldUpgradeAtOnceOnReachingAThresholdExactly() {
		assertThat(this.tiers.addQualifying(this.status, "c1", T0, 499, T0)).isEmpty();

		List<SpecificRecord> events = this.tiers.addQualifying(this.status, "c1", T0, 1, T0);

		assertThat(events).singleElement().isInstanceOfSatisfying(PointsTierChanged.class, (change) -> {
			assertThat(change.getFromTier()).isEqualTo("BASE");
			assertThat(change.getToTier()).isEqualTo("SILVER");
			assertThat(change.getUpgrade()).isTrue();
			assertThat(change.getQualifyingPoints()).isEqualTo(500);
			assertThat(change.getPeriodEndsAt()).isEqualTo(PERIOD_END);
			assertThat(change.getEventId()).isEqualTo("c1:tier:1");
		});
		assertThat(this.tiers.current(this.status).name()).isEqualTo("SILVER");
	}

	@Test
	void shouldSkipATierWhenEnoughPointsArriveAtOnce() {
		assertThat(this.tiers.addQualifying(this.status, "c1", T0, 1000, T0)).singleElement()
			.isInstanceOfSatisfying(PointsTierChanged.class,
					(change) -> assertThat(change.getToTier()).isEqualTo("GOLD"));
	}

	@Test
	void shouldWarnOnceAndDowngradeOnlyWhenThePeriodEnds() {
		this.tiers.addQualifying(this.status, "c1", T0, 1000, T0);

		List<SpecificRecord> beforeTheEnd = this.tiers.advance(this.status, "c1", PERIOD_END.minusMillis(1));
		List<SpecificRecord> again = this.tiers.advance(this.status, "c1", PERIOD_END.minusMillis(1));
		List<SpecificRecord> atTheEnd = this.tiers.advance(this.status, "c1", PERIOD_END);

		assertThat(beforeTheEnd).singleElement().isInstanceOfSatisfying(PointsTierDowngradeWarning.class, (warning) -> {
			assertThat(warning.getOccurredAt()).isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
			assertThat(warning.getProjectedTier()).isEqualTo("BASE");
			assertThat(warning.getPointsToKeepTier()).isEqualTo(1000);
		});
		assertThat(again).isEmpty();
		assertThat(atTheEnd).singleElement().isInstanceOfSatisfying(PointsTierChanged.class, (change) -> {
			assertThat(change.getToTier()).as("several steps down at once").isEqualTo("BASE");
			assertThat(change.getUpgrade()).isFalse();
		});
		assertThat(this.status.periodEndsAt()).as("the base tier has no period").isZero();
		assertThat(this.tiers.nextDue(this.status)).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void shouldRenewThePeriodOfACustomerWhoStillQualifies() {
		Instant upgrade = Instant.parse("2026-09-02T10:00:00Z");
		Instant periodEnd = Instant.parse("2027-09-02T10:00:00Z");
		this.tiers.addQualifying(this.status, "c1", T0, 300, T0);
		this.tiers.addQualifying(this.status, "c1", upgrade, 200, upgrade);
		// 500 more a month before the end: 700 then (not GOLD), 500 at the end (SILVER).
		Instant lastMonth = Instant.parse("2027-08-02T10:00:00Z");
		this.tiers.addQualifying(this.status, "c1", lastMonth, 500, lastMonth);

		assertThat(this.tiers.advance(this.status, "c1", periodEnd)).as("no warning, no change").isEmpty();
		assertThat(this.status.periodEndsAt()).isEqualTo(Instant.parse("2028-09-02T10:00:00Z").toEpochMilli());
		assertThat(this.tiers.current(this.status).name()).isEqualTo("SILVER");
	}

	@Test
	void shouldCountQualifyingPointsOverARollingTwelveMonthsByDay() {
		this.tiers.addQualifying(this.status, "c1", T0, 300, T0);
		this.tiers.addQualifying(this.status, "c1", T0, -100, T0);

		assertThat(this.tiers.qualifying(this.status, Instant.parse("2027-03-01T23:59:59Z"))).isEqualTo(200);
		assertThat(this.tiers.qualifying(this.status, Instant.parse("2027-03-02T00:00:00Z"))).isZero();
	}

}
