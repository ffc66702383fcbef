package io.loyaltypulse.survey.nps;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/** Worked examples, computed by hand from the formulas of the issue. */
class NpsEstimatorTest {

	private final NpsEstimator estimator = new NpsEstimator(30, 5);

	@Test
	void shouldGiveTheWaldIntervalFromTheMinimumOn() {
		// n = 100: 50 promoters, 30 passives, 20 detractors; p + d = 0.7, (p - d)^2 =
		// 0.09, SE = sqrt(0.61 / 100) = 0.07810250, margin = 1.96 x 7.810250 = 15.308089.
		NpsEstimate estimate = this.estimator.estimate(counts(50, 30, 20, 4), 1.96);

		assertThat(estimate.nps()).isCloseTo(30.0, within(1e-9));
		assertThat(estimate.n()).isEqualTo(100);
		assertThat(estimate.skipped()).isEqualTo(4);
		assertThat(estimate.promoterShare()).isCloseTo(50.0, within(1e-9));
		assertThat(estimate.detractorShare()).isCloseTo(20.0, within(1e-9));
		assertThat(estimate.marginOfError()).isCloseTo(15.308089, within(1e-6));
		assertThat(estimate.low()).isCloseTo(14.691911, within(1e-6));
		assertThat(estimate.high()).isCloseTo(45.308089, within(1e-6));
		assertThat(estimate.insufficient()).isFalse();
		assertThat(estimate.withheld()).isFalse();
	}

	@Test
	void shouldGiveTheAdjustedWaldIntervalBelowTheMinimumAroundTheAdjustedScore() {
		// n = 10: P = 5, D = 2; n' = 13, p' = 5.75 / 13, d' = 2.75 / 13, p' - d' = 3 / 13
		// = 0.230769; SE = sqrt((8.5 / 13 - (3 / 13)^2) / 13) = 0.214941; margin =
		// 42.1284.
		NpsEstimate estimate = this.estimator.estimate(counts(5, 3, 2, 0), 1.96);

		assertThat(estimate.nps()).as("the score itself is not adjusted").isCloseTo(30.0, within(1e-9));
		assertThat(estimate.marginOfError()).isCloseTo(42.128313, within(1e-6));
		assertThat(estimate.low()).isCloseTo(-19.051389, within(1e-6));
		assertThat(estimate.high()).isCloseTo(65.205236, within(1e-6));
		assertThat(estimate.insufficient()).isTrue();
		assertThat(estimate.withheld()).isFalse();
	}

	@Test
	void shouldClipTheIntervalToMinusAndPlusHundred() {
		// All 10 promoters: p' = 10.75 / 13, d' = 0.75 / 13, centre 76.923077, margin
		// 29.420066.
		NpsEstimate allPromoters = this.estimator.estimate(counts(10, 0, 0, 0), 1.96);
		NpsEstimate allDetractors = this.estimator.estimate(counts(0, 0, 10, 0), 1.96);

		assertThat(allPromoters.nps()).isEqualTo(100.0);
		assertThat(allPromoters.high()).isEqualTo(100.0);
		assertThat(allPromoters.low()).isCloseTo(47.503011, within(1e-6));
		assertThat(allDetractors.nps()).isEqualTo(-100.0);
		assertThat(allDetractors.low()).isEqualTo(-100.0);
	}

	@Test
	void shouldGiveAnAllPromoterSliceAtTheMinimumAZeroWaldMargin() {
		NpsEstimate estimate = this.estimator.estimate(counts(30, 0, 0, 0), 1.96);

		assertThat(estimate.marginOfError()).isZero();
		assertThat(estimate.low()).isEqualTo(100.0);
		assertThat(estimate.insufficient()).isFalse();
	}

	@Test
	void shouldWithholdEverythingButNBelowThePrivacyFloor() {
		NpsEstimate four = this.estimator.estimate(counts(4, 0, 0, 2), 1.96);
		NpsEstimate none = this.estimator.estimate(AnswerCounts.NONE.plus(null, 1), 1.96);
		NpsEstimate five = this.estimator.estimate(counts(5, 0, 0, 0), 1.96);

		assertThat(four.withheld()).isTrue();
		assertThat(four.insufficient()).isTrue();
		assertThat(four.n()).isEqualTo(4);
		assertThat(four.skipped()).isEqualTo(2);
		assertThat(four.nps()).isNull();
		assertThat(four.promoters()).isNull();
		assertThat(four.marginOfError()).isNull();
		assertThat(four.standardError()).isNull();
		assertThat(none.withheld()).isTrue();
		assertThat(none.n()).isZero();
		assertThat(five.withheld()).isFalse();
		assertThat(five.nps()).isEqualTo(100.0);
	}

	@Test
	void shouldRefuseAPrivacyFloorBelowOneOrAboveTheMinimum() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NpsEstimator(30, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new NpsEstimator(30, 31))
			.withMessageContaining("loyalty.nps.privacy-floor");
	}

	private static AnswerCounts counts(int promoters, int passives, int detractors, int skipped) {
		AnswerCounts counts = AnswerCounts.NONE;
		for (int i = 0; i < promoters; i++) {
			counts = counts.plus(9 + i % 2, 1);
		}
		for (int i = 0; i < passives; i++) {
			counts = counts.plus(7 + i % 2, 1);
		}
		for (int i = 0; i < detractors; i++) {
			counts = counts.plus(i % 7, 1);
		}
		for (int i = 0; i < skipped; i++) {
			counts = counts.plus(null, 1);
		}
		return counts;
	}

}
