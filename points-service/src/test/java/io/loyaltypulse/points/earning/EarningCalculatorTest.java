package io.loyaltypulse.points.earning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.loyaltypulse.points.Events;
import io.loyaltypulse.points.InvalidEventException;
import io.loyaltypulse.points.PointsTestRules;
import io.loyaltypulse.points.tiers.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** 1 point per EUR, 0.9 per USD, BOOKS x2 (see PointsTestRules). */
class EarningCalculatorTest {

	static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

	static final Tier BASE = new Tier("BASE", 0, BigDecimal.ONE);

	final EarningCalculator calculator = new EarningCalculator(PointsTestRules.EARNING);

	@Test
	void shouldRoundEachLineOnceAtTheEnd() {
		Earning earning = this.calculator.earn(
				Events.purchase("c1", "o1", AT).line("1", "GROCERY", 2, "4.50").line("2", "BOOKS", 3, "19.99").build(),
				BASE);

		assertThat(earning.lines()).extracting(LineEarning::points)
			.as("9; 119.94 rounded DOWN")
			.containsExactly(9L, 119L);
		assertThat(earning.points()).isEqualTo(128);
		assertThat(earning.explanation()).contains("x 2 (category BOOKS) = 119 (rounded DOWN)")
			.endsWith("= 128 points");
	}

	@Test
	void shouldRoundWithTheConfiguredMode() {
		EarningCalculator halfUp = new EarningCalculator(new EarningRules(Map.of("EUR", BigDecimal.ONE),
				Map.of("BOOKS", new BigDecimal("2")), List.of(), RoundingMode.HALF_UP));

		Earning earning = halfUp.earn(
				Events.purchase("c1", "o1", AT).line("1", "BOOKS", 3, "19.99").line("2", "HOME", 1, "0.50").build(),
				BASE);

		assertThat(earning.lines()).extracting(LineEarning::points).containsExactly(120L, 1L);
	}

	@Test
	void shouldShareAnOrderDiscountOutOverTheLines() {
		Earning earning = this.calculator.earn(Events.purchase("c1", "o1", AT)
			.line("1", "GROCERY", 1, "50.00")
			.line("2", "BOOKS", 1, "50.00")
			.total("80.00")
			.build(), BASE);

		assertThat(earning.lines()).extracting(LineEarning::points).as("40 x 1, 40 x 2").containsExactly(40L, 80L);
		assertThat(earning.explanation()).contains("(order discount shared: x 80/100)");
	}

	@Test
	void shouldEarnNothingOnAnOrderThatCostNothing() {
		assertThat(this.calculator.earn(Events.purchase("c1", "o1", AT).line("1", "HOME", 2, "0.00").build(), BASE)
			.points()).isZero();
		assertThat(this.calculator
			.earn(Events.purchase("c1", "o1", AT).line("1", "HOME", 2, "10.00").total("0").build(), BASE)
			.points()).isZero();
	}

	@Test
	void shouldMultiplyByTheTierHeld() {
		assertThat(this.calculator
			.earn(Events.purchase("c1", "o1", AT).line("1", "HOME", 1, "100.00").build(),
					new Tier("SILVER", 500, new BigDecimal("1.25")))
			.points()).isEqualTo(125);
	}

	@Test
	void shouldEarnInAnotherCurrencyAtItsBaseRate() {
		assertThat(this.calculator
			.earn(Events.purchase("c1", "o1", AT).currency("USD").line("1", "HOME", 1, "99.99").build(), BASE)
			.points()).as("89.991 rounded DOWN").isEqualTo(89);
	}

	@Test
	void shouldApplyTheBestCampaignOnlyNeverBothFromItsStartUntilJustBeforeItsEnd() {
		Instant from = Instant.parse("2026-12-01T00:00:00Z");
		Instant to = Instant.parse("2026-12-02T00:00:00Z");
		EarningCalculator overlapping = new EarningCalculator(
				new EarningRules(Map.of("EUR", BigDecimal.ONE), Map.of(),
						List.of(new Campaign("DOUBLE", new BigDecimal("2"), from, to, Set.of(), Set.of()),
								new Campaign("TRIPLE", new BigDecimal("3"), from, to, Set.of(), Set.of())),
						RoundingMode.DOWN));

		Earning atStart = overlapping.earn(Events.purchase("c1", "o1", from).line("1", "HOME", 1, "10.00").build(),
				BASE);
		Earning atEnd = overlapping.earn(Events.purchase("c1", "o2", to).line("1", "HOME", 1, "10.00").build(), BASE);

		assertThat(atStart.points()).isEqualTo(30);
		assertThat(atStart.explanation()).contains("campaign TRIPLE").doesNotContain("DOUBLE");
		assertThat(atEnd.points()).isEqualTo(10);
	}

	@Test
	void shouldRefuseACurrencyWithoutABaseRate() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> this.calculator
				.earn(Events.purchase("c1", "o1", AT).currency("GBP").line("1", "HOME", 1, "10.00").build(), BASE))
			.withMessageContaining("no earning base rate for currency GBP");
	}

	@Test
	void shouldRefusePointsBeyondALongRatherThanWrapAround() {
		assertThatExceptionOfType(ArithmeticException.class).isThrownBy(() -> this.calculator.earn(
				Events.purchase("c1", "o1", AT).line("1", "BOOKS", Integer.MAX_VALUE, "10000000000.00").build(), BASE));
	}

}
