package io.loyaltypulse.churn.scorecard;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {

	private static final Figures FIGURES = new Figures(4, 1, 6, 3, 1, 1, new BigDecimal("100.0000"), 2);

	@Test
	void shouldDeriveTheRatesFromTheCounts() {
		assertThat(FIGURES.repeatPurchaseRate()).contains(new BigDecimal("0.2500"));
		assertThat(FIGURES.participationRate()).contains(new BigDecimal("0.5000"));
		assertThat(FIGURES.returningAov()).as("two of the three returning orders are in the value currency")
			.contains(new BigDecimal("50.00"));
	}

	@Test
	void shouldHaveNoRatesWithoutWhatTheyAreRatesOf() {
		assertThat(Figures.ZERO.repeatPurchaseRate()).isEmpty();
		assertThat(Figures.ZERO.returningAov()).isEmpty();
		assertThat(new Figures(1, 1, 1, 1, 1, 1, BigDecimal.ZERO, 0).returningAov()).isEmpty();
	}

	@Test
	void shouldAddAndTakeBackDeltasExactly() {
		Figures delta = new Figures(1, 1, 2, 1, 0, 0, new BigDecimal("19.99"), 1);

		assertThat(FIGURES.plus(delta).minus(delta).sameAs(FIGURES)).isTrue();
		assertThat(delta.minus(delta).isZero()).isTrue();
		assertThat(delta.isZero()).isFalse();
	}

}
