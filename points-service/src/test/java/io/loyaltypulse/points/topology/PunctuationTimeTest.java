package io.loyaltypulse.points.topology;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PunctuationTimeTest {

	static final long MINUTE = 60_000;

	static final long HOUR = 60 * MINUTE;

	static final long WALL_CLOCK = 1_000 * HOUR;

	final PunctuationTime time = new PunctuationTime(Duration.ofMinutes(1), Duration.ofHours(1));

	@Test
	void shouldFollowTheEventsAppliedLessTheLatenessWhileRecordsFlow() {
		assertThat(this.time.asOf(WALL_CLOCK, WALL_CLOCK - 30_000, WALL_CLOCK - 10 * HOUR))
			.hasValue(WALL_CLOCK - 11 * HOUR);
	}

	@Test
	void shouldNeverGoPastTheWallClockEvenForEventsFromTheFuture() {
		assertThat(this.time.asOf(WALL_CLOCK, WALL_CLOCK - 30_000, WALL_CLOCK + 100 * HOUR))
			.hasValue(WALL_CLOCK - HOUR);
	}

	@Test
	void shouldFollowTheWallClockOnceIdleForTheIdleAdvance() {
		assertThat(this.time.asOf(WALL_CLOCK, WALL_CLOCK - MINUTE, WALL_CLOCK - 10 * HOUR)).hasValue(WALL_CLOCK - HOUR);
		assertThat(this.time.asOf(WALL_CLOCK, WALL_CLOCK - MINUTE, DedupHorizon.NOTHING_APPLIED))
			.hasValue(WALL_CLOCK - HOUR);
	}

	@Test
	void shouldAdvanceNothingWhileRecordsFlowBeforeAnyWasApplied() {
		assertThat(this.time.asOf(WALL_CLOCK, WALL_CLOCK - 30_000, DedupHorizon.NOTHING_APPLIED)).isEmpty();
	}

	@Test
	void shouldAdvanceNothingToTheEpochOrBefore() {
		assertThat(this.time.asOf(HOUR, 0, 0)).isEmpty();
		assertThat(this.time.asOf(HOUR + 1, 0, 0)).hasValue(1);
	}

}
