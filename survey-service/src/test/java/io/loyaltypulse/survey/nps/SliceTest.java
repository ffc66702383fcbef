package io.loyaltypulse.survey.nps;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SliceTest {

	@Test
	void shouldNameDimensionsInDimensionOrderWhateverTheyWereGivenIn() {
		Slice slice = new Slice(Map.of(Dimension.TOUCHPOINT, "DELIVERY", Dimension.STORE, "S1"));

		assertThat(slice.key()).isEqualTo("store=S1&touchpoint=DELIVERY");
		assertThat(slice.byName()).containsExactly(Map.entry("store", "S1"), Map.entry("touchpoint", "DELIVERY"));
		assertThat(slice.set()).isEqualTo(SliceSet.parse("touchpoint+store"));
	}

	@Test
	void shouldKeyTheSliceOfEveryAnswerAll() {
		assertThat(Slice.ALL.key()).isEqualTo("all");
		assertThat(Slice.parse("all")).isEqualTo(Slice.ALL);
		assertThat(Slice.ALL.set()).isEqualTo(SliceSet.ALL);
	}

	@ParameterizedTest
	@ValueSource(strings = { "S1", "Gare du Nord & Co", "a=b", "50% off", "x+y", "Zürich", "all", "a|b" })
	void shouldGiveEveryValueOneKeyAndBack(String value) {
		Slice slice = new Slice(Map.of(Dimension.STORE, value, Dimension.REGION, value));

		assertThat(Slice.parse(slice.key())).isEqualTo(slice);
		assertThat(slice.key()).startsWith("store=").doesNotContain("|").contains("&region=");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "store", "shop=S1", "store=S1&store=S2", "=S1" })
	void shouldRefuseWhatIsNoSliceKey(String key) {
		assertThatIllegalArgumentException().isThrownBy(() -> Slice.parse(key));
	}

}
