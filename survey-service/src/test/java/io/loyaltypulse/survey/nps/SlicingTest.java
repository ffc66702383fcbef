package io.loyaltypulse.survey.nps;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SlicingTest {

	private final Slicing slicing = new Slicing(List.of(SliceSet.parse("store+touchpoint")));

	@Test
	void shouldCountAnAnswerInAllEachDimensionItNamesAndEachCombinationItFills() {
		Answer answer = new Answer(10, Map.of(Dimension.STORE, "S1", Dimension.CHANNEL, "WEB", Dimension.REGION, "EU",
				Dimension.SEGMENT, "VIP", Dimension.TOUCHPOINT, "DELIVERY", Dimension.SURVEY, "Q4"));

		assertThat(this.slicing.slicesOf(answer)).extracting(Slice::key)
			.containsExactly("all", "store=S1", "channel=WEB", "region=EU", "segment=VIP", "touchpoint=DELIVERY",
					"survey=Q4", "store=S1&touchpoint=DELIVERY");
	}

	@Test
	void shouldLeaveOutTheSlicesOfADimensionTheAnswerDoesNotName() {
		Answer answer = new Answer(null, Map.of(Dimension.TOUCHPOINT, "DELIVERY", Dimension.SURVEY, "Q4"));

		assertThat(this.slicing.slicesOf(answer)).extracting(Slice::key)
			.containsExactly("all", "touchpoint=DELIVERY", "survey=Q4");
	}

	@Test
	void shouldCountAllEverySingleDimensionAndOnlyTheConfiguredCombinations() {
		assertThat(this.slicing.counts(SliceSet.ALL)).isTrue();
		assertThat(this.slicing.counts(SliceSet.parse("segment"))).isTrue();
		assertThat(this.slicing.counts(SliceSet.parse("touchpoint+store"))).isTrue();
		assertThat(this.slicing.counts(SliceSet.parse("store+channel"))).isFalse();
		assertThat(this.slicing.sets()).hasSize(8);
	}

	@Test
	void shouldRefuseACombinationOfFewerThanTwoDimensions() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Slicing(List.of(SliceSet.parse("store"))))
			.withMessageContaining("two dimensions or more");
	}

}
