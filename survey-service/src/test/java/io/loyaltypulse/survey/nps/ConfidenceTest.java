package io.loyaltypulse.survey.nps;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ConfidenceTest {

	@ParameterizedTest
	@CsvSource({ "0.95, 1.96", "0.90, 1.645", "0.99, 2.576", "0.80, 1.282", "0.5, 0.674" })
	void shouldGiveTheTextbookZ(double confidence, double z) {
		assertThat(Confidence.z(confidence)).isEqualTo(z);
	}

	@Test
	void shouldAgreeWithCommonsMathsNormalQuantileAcrossTheRange() {
		NormalDistribution normal = new NormalDistribution();
		for (double p = 0.0005; p < 1; p += 0.0005) {
			assertThat(Confidence.normalQuantile(p)).as("p = %s", p)
				.isCloseTo(normal.inverseCumulativeProbability(p), within(1e-8));
		}
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.49, 1.0, 0.99995, Double.NaN, -0.95 })
	void shouldRefuseALevelOutsideTheHalfToAlmostOne(double confidence) {
		assertThatIllegalArgumentException().isThrownBy(() -> Confidence.z(confidence));
	}

}
