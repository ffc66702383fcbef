package io.loyaltypulse.churn.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry schedule with its jitter and Retry-After, and the verdict on an answer. */
class RetryScheduleTest {

	static final List<Duration> DEFAULT = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
			Duration.ofHours(10));

	static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

	final RetrySchedule schedule = new RetrySchedule(DEFAULT, 0.1, Duration.ofHours(10));

	@Test
	void shouldFollowTheScheduleAndStopAfterTheLastAttempt() {
		assertThat(this.schedule.attempts()).isEqualTo(8);
		assertThat(this.schedule.next(1, NOW, Optional.empty(), 0.5)).contains(NOW.plusSeconds(5));
		assertThat(this.schedule.next(2, NOW, Optional.empty(), 0.5)).contains(NOW.plus(Duration.ofMinutes(5)));
		assertThat(this.schedule.next(7, NOW, Optional.empty(), 0.5)).contains(NOW.plus(Duration.ofHours(10)));
		assertThat(this.schedule.next(8, NOW, Optional.empty(), 0.5)).isEmpty();
	}

	@Test
	void shouldJitterEachDelayWithinItsFraction() {
		assertThat(this.schedule.next(2, NOW, Optional.empty(), 0.0)).contains(NOW.plusSeconds(270));
		assertThat(this.schedule.next(2, NOW, Optional.empty(), 0.999999)).get()
			.satisfies((at) -> assertThat(Duration.between(NOW, at)).isBetween(Duration.ofSeconds(329),
					Duration.ofSeconds(330)));
	}

	@Test
	void shouldHonourALaterRetryAfterUpToItsCap() {
		assertThat(this.schedule.next(1, NOW, Optional.of(Duration.ofSeconds(60)), 0.5)).contains(NOW.plusSeconds(60));
		assertThat(this.schedule.next(2, NOW, Optional.of(Duration.ofSeconds(60)), 0.5))
			.contains(NOW.plus(Duration.ofMinutes(5)));
		assertThat(this.schedule.next(1, NOW, Optional.of(Duration.ofDays(3)), 0.5))
			.contains(NOW.plus(Duration.ofHours(10)));
	}

	@Test
	void shouldReadRetryAfterAsSecondsOrAnHttpDate() {
		assertThat(RetrySchedule.parseRetryAfter("120", NOW)).contains(Duration.ofSeconds(120));
		assertThat(RetrySchedule.parseRetryAfter("Mon, 30 Nov 2026 12:01:00 GMT", NOW)).contains(Duration.ofMinutes(1));
		assertThat(RetrySchedule.parseRetryAfter("Mon, 30 Nov 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
		assertThat(RetrySchedule.parseRetryAfter("soon", NOW)).isEmpty();
		assertThat(RetrySchedule.parseRetryAfter(null, NOW)).isEmpty();
		assertThat(RetrySchedule.parseRetryAfter("-5", NOW)).isEmpty();
	}

	@Test
	void shouldRetryServerErrorsAndSilenceDisableOn410AndGiveUpOnOtherClientErrors() {
		assertThat(ResponseVerdict.of(200)).isEqualTo(ResponseVerdict.SUCCEEDED);
		assertThat(ResponseVerdict.of(204)).isEqualTo(ResponseVerdict.SUCCEEDED);
		assertThat(ResponseVerdict.of(410)).isEqualTo(ResponseVerdict.DISABLE);
		assertThat(ResponseVerdict.of(400)).isEqualTo(ResponseVerdict.GIVE_UP);
		assertThat(ResponseVerdict.of(401)).isEqualTo(ResponseVerdict.GIVE_UP);
		assertThat(ResponseVerdict.of(404)).isEqualTo(ResponseVerdict.GIVE_UP);
		assertThat(ResponseVerdict.of(408)).isEqualTo(ResponseVerdict.RETRY);
		assertThat(ResponseVerdict.of(429)).isEqualTo(ResponseVerdict.RETRY);
		assertThat(ResponseVerdict.of(500)).isEqualTo(ResponseVerdict.RETRY);
		assertThat(ResponseVerdict.of(503)).isEqualTo(ResponseVerdict.RETRY);
		assertThat(ResponseVerdict.of(302)).isEqualTo(ResponseVerdict.RETRY);
		assertThat(ResponseVerdict.of(null)).isEqualTo(ResponseVerdict.RETRY);
	}

}
