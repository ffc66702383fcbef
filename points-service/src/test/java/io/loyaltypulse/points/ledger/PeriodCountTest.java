package io.loyaltypulse.points.ledger;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodCountTest {

	@Test
	void shouldCountWithinAPeriodAndStartAgainInALaterOne() {
		int november = PeriodCount.monthOf(Instant.parse("2026-11-30T23:59:59Z"));
		int december = PeriodCount.monthOf(Instant.parse("2026-12-01T00:00:00Z"));

		PeriodCount count = PeriodCount.NONE.plusOne(november).plusOne(november);

		assertThat(december).isEqualTo(november + 1);
		assertThat(count.countIn(november)).isEqualTo(2);
		assertThat(count.countIn(december)).isZero();
		assertThat(count.plusOne(december)).isEqualTo(new PeriodCount(december, 1));
	}

	@Test
	void shouldCountALateEventAgainstTheLatestPeriodSoThatItNeverOpensALimitAgain() {
		int year = PeriodCount.yearOf(Instant.parse("2027-01-01T00:00:00Z"));
		PeriodCount count = PeriodCount.NONE.plusOne(year);

		assertThat(count.countIn(year - 1)).isEqualTo(1);
		assertThat(count.plusOne(year - 1)).isEqualTo(new PeriodCount(year, 2));
	}

}
