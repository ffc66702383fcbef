package io.loyaltypulse.churn.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer 360's rhythm chart: each purchase at its gap, the usual gap, today's
 * silence.
 */
class CustomerRhythmTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void shouldPlaceEachPurchaseAtTheDaysSinceTheOneBefore() {
		LocalDate today = LocalDate.parse("2026-11-30");
		Map<String, Object> rhythm = CustomerPageController.rhythm(this.json.readTree("""
				{"purchaseDays": ["2026-09-01", "2026-09-08", "2026-09-22"], "medianGapDays": 10.5}"""), today);
		assertThat(rhythm.get("purchases"))
			.isEqualTo(List.of(Map.of("x", LocalDate.parse("2026-09-01").toEpochDay(), "y", 0L),
					Map.of("x", LocalDate.parse("2026-09-08").toEpochDay(), "y", 7L),
					Map.of("x", LocalDate.parse("2026-09-22").toEpochDay(), "y", 14L)));
		assertThat(rhythm.get("usualGap")).isEqualTo(10.5);
		assertThat(rhythm.get("today")).isEqualTo(Map.of("x", today.toEpochDay(), "y", 69L));
	}

	@Test
	void shouldDrawNothingForACustomerWhoNeverBought() {
		Map<String, Object> rhythm = CustomerPageController.rhythm(this.json.readTree("""
				{"purchaseDays": [], "medianGapDays": null}"""), LocalDate.parse("2026-11-30"));
		assertThat(rhythm.get("purchases")).isEqualTo(List.of());
		assertThat(rhythm.get("usualGap")).isNull();
		assertThat(rhythm.get("today")).isNull();
	}

}
