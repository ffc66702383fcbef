package io.loyaltypulse.survey.nps;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SliceSetTest {

	private static final Answer ANSWER = new Answer(9,
			Map.of(Dimension.STORE, "S1", Dimension.TOUCHPOINT, "DELIVERY", Dimension.SURVEY, "Q4"));

	@Test
	void shouldParseSetsInAnyOrderToOneName() {
		assertThat(SliceSet.parse("touchpoint+store").name()).isEqualTo("store+touchpoint");
		assertThat(SliceSet.parse("store")).isEqualTo(SliceSet.of(Dimension.STORE));
		assertThat(SliceSet.parse("all")).isEqualTo(SliceSet.ALL);
	}

	@Test
	void shouldRefuseUnknownOrRepeatedDimensions() {
		assertThatIllegalArgumentException().isThrownBy(() -> SliceSet.parse("store+shop"))
			.withMessageContaining("'shop'");
		assertThatIllegalArgumentException().isThrownBy(() -> SliceSet.parse("store+store"))
			.withMessageContaining("twice");
		assertThatIllegalArgumentException().isThrownBy(() -> SliceSet.parse(""));
	}

	@Test
	void shouldPutAnAnswerInASliceOnlyWhenItNamesEveryDimensionOfTheSet() {
		assertThat(SliceSet.parse("store+touchpoint").sliceOf(ANSWER))
			.hasValueSatisfying((slice) -> assertThat(slice.key()).isEqualTo("store=S1&touchpoint=DELIVERY"));
		assertThat(SliceSet.parse("store+channel").sliceOf(ANSWER)).isEmpty();
		assertThat(SliceSet.ALL.sliceOf(ANSWER)).contains(Slice.ALL);
	}

}
