package io.loyaltypulse.points.topology;

import java.time.Duration;
import java.time.Instant;

import io.loyaltypulse.points.Events;
import io.loyaltypulse.points.InvalidEventException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ClockSkewLimitTest {

	static final Instant WALL_CLOCK = Instant.parse("2026-11-02T10:00:00Z");

	final ClockSkewLimit limit = new ClockSkewLimit(Duration.ofHours(1));

	@Test
	void shouldAdmitAnEventStampedExactlyTheSkewAhead() {
		assertThatNoException().isThrownBy(() -> check(this.limit, WALL_CLOCK.plusSeconds(3600)));
	}

	@Test
	void shouldRefuseAnEventStampedAMillisecondMoreAhead() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> check(this.limit, WALL_CLOCK.plusSeconds(3600).plusMillis(1)))
			.withMessage(
					"SurveyResponded for customer c1 occurred at 2026-11-02T11:00:00.001Z, more than PT1H ahead of the wall clock 2026-11-02T10:00:00Z");
	}

	@Test
	void shouldAdmitAnythingWhenTheSkewReachesBeyondTheEndOfTime() {
		ClockSkewLimit forever = new ClockSkewLimit(Duration.ofMillis(Long.MAX_VALUE));

		assertThatNoException().isThrownBy(() -> check(forever, Instant.ofEpochMilli(Long.MAX_VALUE)));
	}

	private static void check(ClockSkewLimit limit, Instant at) {
		limit.check("c1", Events.survey("c1", "nps-q4", "r1", at), at, WALL_CLOCK.toEpochMilli());
	}

}
