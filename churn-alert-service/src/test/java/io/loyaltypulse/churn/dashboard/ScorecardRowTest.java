package io.loyaltypulse.churn.dashboard;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScorecardRowTest {

	@Test
	void shouldJudgeAgainstTheTargetInTheMetricsDirection() {
		ScorecardRow repeat = row(false, "30", "31.25", "35");
		assertThat(repeat.onTarget()).isTrue();
		assertThat(repeat.change()).isEqualByComparingTo("-3.75");
		assertThat(repeat.improved()).isFalse();
		ScorecardRow complaints = row(true, "5", "6.5", "8");
		assertThat(complaints.onTarget()).isFalse();
		assertThat(complaints.improved()).isTrue();
	}

	@Test
	void shouldSayNothingWhereAFigureIsMissing() {
		ScorecardRow noTarget = new ScorecardRow("NPS", "", false, null, null, new BigDecimal("12"), "");
		assertThat(noTarget.onTarget()).isNull();
		assertThat(noTarget.change()).isNull();
		assertThat(noTarget.improved()).isNull();
		assertThat(noTarget.format(null)).isEqualTo("—");
	}

	@Test
	void shouldWriteMoneyWithTwoDecimalsAndTheRestWithOne() {
		assertThat(new ScorecardRow("AOV", "EUR", false, null, null, null, "").format(new BigDecimal("41.5")))
			.isEqualTo("41.50");
		assertThat(row(false, "30", "33.3333", "0").format(new BigDecimal("33.3333"))).isEqualTo("33.3");
	}

	@Test
	void shouldCountComplaintsPerThousandOrdersOnlyWithOrders() {
		assertThat(ScorecardMetrics.perThousandOrders(3, 1200)).isEqualByComparingTo("2.5");
		assertThat(ScorecardMetrics.perThousandOrders(3, 0)).isNull();
		assertThat(ScorecardMetrics.percent(new BigDecimal("0.3125"))).isEqualByComparingTo("31.25");
	}

	private static ScorecardRow row(boolean lowerIsBetter, String target, String current, String previous) {
		return new ScorecardRow("metric", "%", lowerIsBetter, new BigDecimal(target), new BigDecimal(current),
				new BigDecimal(previous), "");
	}

}
