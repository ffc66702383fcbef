package io.loyaltypulse.survey.nps;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class GranularityTest {

	@Test
	void shouldCutAPeriodIntoIsoWeeksClippedToThePeriod() {
		Period period = new Period(LocalDate.parse("2026-12-24"), LocalDate.parse("2027-01-06"));

		assertThat(Granularity.WEEK.points(period))
			.extracting(Granularity.Point::label, (point) -> point.period().from(), (point) -> point.period().to())
			.containsExactly(tuple("2026-W52", LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-27")),
					tuple("2026-W53", LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-03")),
					tuple("2027-W01", LocalDate.parse("2027-01-04"), LocalDate.parse("2027-01-06")));
	}

	@Test
	void shouldLabelDaysMonthsAndQuarters() {
		Period period = new Period(LocalDate.parse("2026-02-27"), LocalDate.parse("2026-04-02"));

		assertThat(Granularity.MONTH.points(period)).extracting(Granularity.Point::label)
			.containsExactly("2026-02", "2026-03", "2026-04");
		assertThat(Granularity.QUARTER.points(period)).extracting(Granularity.Point::label)
			.containsExactly("2026-Q1", "2026-Q2");
		assertThat(Granularity.DAY.points(period)).hasSize(35).first().satisfies((point) -> {
			assertThat(point.label()).isEqualTo("2026-02-27");
			assertThat(point.period().days()).isOne();
		});
		assertThat(Granularity.QUARTER.start(LocalDate.parse("2026-11-20"))).isEqualTo("2026-10-01");
	}

	@Test
	void shouldReadItsQueryName() {
		assertThat(Granularity.byKey("quarter")).contains(Granularity.QUARTER);
		assertThat(Granularity.byKey("QUARTER")).isEmpty();
	}

}
