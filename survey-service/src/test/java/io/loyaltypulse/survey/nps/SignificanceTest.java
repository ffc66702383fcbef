package io.loyaltypulse.survey.nps;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SignificanceTest {

	@Test
	void shouldMarkAChangeSignificantOnlyBeyondZTimesTheCombinedStandardError() {
		// Standard errors 6 and 8: the threshold is 1.96 x 10 = 19.6 points.
		NpsEstimate before = estimate(10.0, 6.0);

		Significance.Change small = Significance.between(before, estimate(29.5, 8.0), 1.96);
		Significance.Change large = Significance.between(before, estimate(-9.7, 8.0), 1.96);

		assertThat(small.change()).isCloseTo(19.5, within(1e-9));
		assertThat(small.significant()).isFalse();
		assertThat(large.change()).isCloseTo(-19.7, within(1e-9));
		assertThat(large.significant()).isTrue();
	}

	@Test
	void shouldGiveNoChangeForTheFirstPointOrAWithheldOne() {
		NpsEstimate withheld = new NpsEstimate(null, 3, null, null, null, 0, null, null, null, null, null, true, true,
				null);

		assertThat(Significance.between(null, estimate(10.0, 5.0), 1.96)).isEqualTo(Significance.Change.NONE);
		assertThat(Significance.between(withheld, estimate(10.0, 5.0), 1.96)).isEqualTo(Significance.Change.NONE);
		assertThat(Significance.between(estimate(10.0, 5.0), withheld, 1.96)).isEqualTo(Significance.Change.NONE);
	}

	private static NpsEstimate estimate(double nps, double standardError) {
		return new NpsEstimate(nps, 100, 0L, 0L, 0L, 0, 0.0, 0.0, 1.96 * standardError, nps - 1.96 * standardError,
				nps + 1.96 * standardError, false, false, standardError);
	}

}
