package io.loyaltypulse.survey.nps;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CorrectionsTest {

	private static final Instant COUNTED = Instant.parse("2026-11-20T10:00:00Z");

	@Test
	void shouldCountTheFirstVersion() {
		assertThat(Corrections.decide(null, COUNTED)).isEqualTo(Corrections.Outcome.COUNT);
	}

	@Test
	void shouldReplaceWithALaterVersion() {
		assertThat(Corrections.decide(COUNTED, COUNTED.plusMillis(1))).isEqualTo(Corrections.Outcome.REPLACE);
	}

	@Test
	void shouldIgnoreARepeatAndAnOlderVersion() {
		assertThat(Corrections.decide(COUNTED, COUNTED)).isEqualTo(Corrections.Outcome.IGNORE);
		assertThat(Corrections.decide(COUNTED, COUNTED.minusSeconds(3600))).isEqualTo(Corrections.Outcome.IGNORE);
	}

}
