package io.loyaltypulse.support.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.loyaltypulse.support.idempotency.RecentEventIds.Seen;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentEventIdsTest {

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T12:00:00Z"));

	@Test
	void shouldTellTheSameContentFromDifferentContent() {
		RecentEventIds recent = new RecentEventIds(new IdempotencyProperties(Duration.ofHours(1), 10), this.clock);
		recent.remember("e-1", 42L);

		assertThat(recent.check("e-1", 42L)).isEqualTo(Seen.SAME);
		assertThat(recent.check("e-1", 43L)).isEqualTo(Seen.DIFFERENT);
		assertThat(recent.check("e-2", 42L)).isEqualTo(Seen.NEW);
	}

	@Test
	void shouldForgetIdsOlderThanTheWindow() {
		RecentEventIds recent = new RecentEventIds(new IdempotencyProperties(Duration.ofMinutes(10), 10), this.clock);
		recent.remember("e-1", 1L);

		this.clock.advance(Duration.ofMinutes(10));
		assertThat(recent.check("e-1", 1L)).isEqualTo(Seen.SAME);
		this.clock.advance(Duration.ofMillis(1));
		assertThat(recent.check("e-1", 1L)).isEqualTo(Seen.NEW);
		recent.remember("e-2", 2L);
		assertThat(recent.size()).isEqualTo(1);
	}

	@Test
	void shouldKeepAtMostMaxEntriesForgettingTheOldestFirst() {
		RecentEventIds recent = new RecentEventIds(new IdempotencyProperties(Duration.ofHours(1), 2), this.clock);
		recent.remember("e-1", 1L);
		recent.remember("e-2", 2L);
		recent.remember("e-3", 3L);

		assertThat(recent.size()).isEqualTo(2);
		assertThat(recent.check("e-1", 1L)).isEqualTo(Seen.NEW);
		assertThat(recent.check("e-2", 2L)).isEqualTo(Seen.SAME);
		assertThat(recent.check("e-3", 3L)).isEqualTo(Seen.SAME);
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
