package io.loyaltypulse.survey.nps;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PeriodTest {

	private static final LocalDate AS_OF = LocalDate.parse("2026-11-20");

	@Test
	void shouldEndARollingWindowWithItsAsOfDay() {
		Period week = Period.rolling(7, AS_OF);

		assertThat(week.from()).isEqualTo("2026-11-14");
		assertThat(week.to()).isEqualTo(AS_OF);
		assertThat(week.days()).isEqualTo(7);
		assertThat(week.contains(AS_OF)).isTrue();
		assertThat(week.contains(AS_OF.minusDays(7))).isFalse();
		assertThat(Period.rolling(1, AS_OF).from()).isEqualTo(AS_OF);
	}

	@Test
	void shouldRefuseAPeriodThatEndsBeforeItStartsAndAnEmptyWindow() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Period(AS_OF, AS_OF.minusDays(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> Period.rolling(0, AS_OF));
	}

}
