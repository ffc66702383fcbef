package io.loyaltypulse.churn.scorecard;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuarterTest {

	@Test
	void shouldPlaceAnInstantInItsCalendarQuarterInUtc() {
		assertThat(Quarter.of(Instant.parse("2026-06-30T23:59:59.999Z"))).hasToString("2026-Q2");
		assertThat(Quarter.of(Instant.parse("2026-07-01T00:00:00Z"))).hasToString("2026-Q3");
		assertThat(Quarter.of(Instant.parse("2026-12-31T23:00:00Z"))).hasToString("2026-Q4");
	}

	@Test
	void shouldNumberConsecutiveQuartersConsecutively() {
		Quarter last = new Quarter(2025, 4);
		Quarter next = new Quarter(2026, 1);

		assertThat(next.index() - last.index()).isEqualTo(1);
		assertThat(Quarter.ofIndex(next.index())).isEqualTo(next);
		assertThat(last).isLessThan(next);
	}

	@Test
	void shouldParseOnlyTheWrittenForm() {
		assertThat(Quarter.parse("2026-Q3")).contains(new Quarter(2026, 3));
		assertThat(Quarter.parse("2026-Q5")).isEmpty();
		assertThat(Quarter.parse("2026Q3")).isEmpty();
		assertThat(Quarter.parse("26-Q3")).isEmpty();
		assertThat(Quarter.parse("0000-Q1")).isEmpty();
		assertThat(Quarter.parse(null)).isEmpty();
	}

	@Test
	void shouldKnowItsDaysAndTheQuarterBefore() {
		Quarter first = Quarter.parse("2026-Q1").orElseThrow();
		assertThat(first.firstDay()).isEqualTo(LocalDate.parse("2026-01-01"));
		assertThat(first.lastDay()).isEqualTo(LocalDate.parse("2026-03-31"));
		assertThat(first.previous()).hasToString("2025-Q4");
		assertThat(Quarter.parse("2024-Q1").orElseThrow().previous().lastDay())
			.isEqualTo(LocalDate.parse("2023-12-31"));
	}

}
