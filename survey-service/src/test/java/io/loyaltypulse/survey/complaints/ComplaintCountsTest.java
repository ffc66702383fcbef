package io.loyaltypulse.survey.complaints;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintCountsTest {

	@Test
	void shouldCountFiledByCategoryAndSeverityAndTheOpenOnes() {
		ComplaintCounts counts = ComplaintCounts.NONE.withFiled("DELIVERY", "HIGH")
			.withFiled("DELIVERY", "LOW")
			.withFiled("BILLING", "HIGH")
			.withResolved(Duration.ofHours(5));

		assertThat(counts.filed()).isEqualTo(3);
		assertThat(counts.resolved()).isEqualTo(1);
		assertThat(counts.open()).isEqualTo(2);
		assertThat(counts.byCategory()).containsExactly(Map.entry("BILLING", 1L), Map.entry("DELIVERY", 2L));
		assertThat(counts.bySeverity()).containsExactly(Map.entry("HIGH", 2L), Map.entry("LOW", 1L));
	}

	@Test
	void shouldTakeTheMiddleTimeOrTheMeanOfTheTwoMiddleOnes() {
		assertThat(ComplaintCounts.NONE.medianTimeToResolve()).isNull();
		ComplaintCounts three = new ComplaintCounts(3, 3, Map.of(), Map.of(), List.of(300L, 10L, 7200L));
		ComplaintCounts four = three.withResolved(Duration.ofSeconds(101));

		assertThat(three.medianTimeToResolve()).isEqualTo(Duration.ofSeconds(300));
		assertThat(four.medianTimeToResolve()).as("(101 + 300) / 2").isEqualTo(Duration.ofMillis(200_500));
	}

	@Test
	void shouldAddUpTheCountsOfDays() {
		ComplaintCounts monday = ComplaintCounts.NONE.withFiled("DELIVERY", "HIGH").withResolved(Duration.ofHours(1));
		ComplaintCounts tuesday = ComplaintCounts.NONE.withFiled("DELIVERY", "LOW");

		ComplaintCounts both = monday.plus(tuesday);

		assertThat(both.filed()).isEqualTo(2);
		assertThat(both.open()).isEqualTo(1);
		assertThat(both.byCategory()).containsEntry("DELIVERY", 2L);
		assertThat(both.resolutionSeconds()).containsExactly(3600L);
	}

}
