package io.loyaltypulse.churn.silence;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The SILENCE rule on purchase days: its probabilities against an independent computation
 * (the gamma gaps integrated over the rate numerically, not through the incomplete beta
 * function), its agreement with BG/NBD for a Poisson buyer, who counts as regular, when
 * the alert is due, and the sentence a manager reads.
 */
class SilenceRuleTest {

	/** The published CDNOW fit, in weeks. */
	private static final BgNbdParameters MODEL = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

	private static final SilenceRule RULE = new SilenceRule(3, 10, 39, 0.5);

	private static final LocalDate START = LocalDate.of(2026, 1, 1);

	@Test
	void shouldExplainTheAlertInTheCustomersOwnRhythm() {
		NavigableSet<LocalDate> days = everyNDays(9, 8);
		LocalDate today = days.last().plusDays(45);

		Optional<SilenceRule.Silence> silence = RULE.evaluate(days, today, MODEL);

		assertThat(silence).hasValueSatisfying((alert) -> {
			assertThat(alert.rhythm().medianGapDays()).isEqualTo(9);
			assertThat(alert.rhythm().gapsUsed()).isEqualTo(7);
			assertThat(alert.rhythm().daysSilent()).isEqualTo(45);
			assertThat(alert.silenceRisk()).isGreaterThanOrEqualTo(0.5);
			assertThat(alert.explanation()).isEqualTo(String.format(Locale.ROOT,
					"usually buys every 9 days (median of 7 gaps); silent 45 days (5.0x); probability still active %.2f",
					alert.probabilityAlive()));
		});
	}

	@Test
	void shouldComputeTheProbabilitiesOfTheModelInItsJavadoc() {
		// A regular weekly buyer, an irregular one, one slower than the population's
		// alpha / r (18 weeks: the calendar factor applies), one with a long break.
		List<int[]> customers = List.of(new int[] { 7, 8, 6, 7, 7, 9, 6 }, new int[] { 2, 15, 4, 30, 9, 1, 22, 5 },
				new int[] { 150, 200, 170, 190 }, new int[] { 7, 7, 8, 300, 6, 7, 7 },
				new int[] { 5, 290, 7, 6, 20, 8, 7, 7, 9, 6, 7, 8, 7 });
		for (int[] gaps : customers) {
			NavigableSet<LocalDate> days = withGaps(gaps);
			for (int silent : new int[] { 1, 10, 30, 90, 200, 400 }) {
				SilenceRule.Silence measured = RULE.measure(days, days.last().plusDays(silent), MODEL).orElseThrow();

				double[] expected = expected(gaps, silent, RULE.priorGaps(), RULE.horizonWeeks());

				assertThat(measured.probabilityAlive()).as("P(alive), gaps %s, silent %d", gaps, silent)
					.isCloseTo(expected[0], within(1e-6));
				assertThat(measured.silenceRisk()).as("risk, gaps %s, silent %d", gaps, silent)
					.isCloseTo(expected[1], within(1e-6));
			}
		}
	}

	@Test
	void shouldBeBgNbdItselfForExponentialGapsWithoutRecurringOnes() {
		for (PurchaseHistory history : List.of(new PurchaseHistory(1, 2.0, 38.86), new PurchaseHistory(4, 30.5, 38),
				new PurchaseHistory(12, 20, 39))) {
			SilenceRule.OwnGaps poisson = new SilenceRule.OwnGaps(1, MODEL.r() + history.x(),
					MODEL.alpha() + history.tx(), MODEL.a() / (MODEL.b() + history.x() - 1), new double[0],
					MODEL.r() + history.x(), MODEL.alpha() + history.tx());
			double silent = history.T() - history.tx();

			assertThat(poisson.probabilityAlive(silent)).isCloseTo(BgNbd.probabilityAlive(MODEL, history),
					within(1e-9));
			assertThat(poisson.probabilityNoPurchaseWithin(silent, 26))
				.isCloseTo(BgNbd.probabilityNoPurchaseWithin(MODEL, history, 26), within(1e-9));
		}
	}

	@Test
	void shouldMissARegularCustomerSoonerThanAnIrregularOneWithTheSameMedianGap() {
		NavigableSet<LocalDate> regular = withGaps(14, 13, 15, 14, 14, 15, 13, 14, 14);
		NavigableSet<LocalDate> irregular = withGaps(3, 40, 14, 2, 30, 14, 5, 25, 14);

		assertThat(PurchaseRhythm.of(regular, regular.last(), 10).medianGapDays())
			.isEqualTo(PurchaseRhythm.of(irregular, irregular.last(), 10).medianGapDays());
		assertThat(wait(regular)).isLessThan(wait(irregular));
	}

	@Test
	void shouldNotAlarmOverASilenceNoLongerThanOneTheCustomerCameBackFrom() {
		NavigableSet<LocalDate> withBreak = withGaps(7, 7, 8, 280, 6, 7, 7, 8);
		NavigableSet<LocalDate> withoutBreak = withGaps(7, 7, 8, 7, 6, 7, 7, 8);
		SilenceRule strict = new SilenceRule(3, 10, 39, 0.9);

		assertThat(strict.evaluate(withBreak, withBreak.last().plusDays(250), MODEL)).isEmpty();
		assertThat(strict.evaluate(withoutBreak, withoutBreak.last().plusDays(250), MODEL)).isPresent();
		assertThat(strict.evaluate(withBreak, withBreak.last().plusDays(600), MODEL)).isPresent();
		// Older than the latest ten gaps, the longest gap is still remembered; with the
		// weight of a recurring gap, that matters where customers rarely leave.
		BgNbdParameters loyalPopulation = new BgNbdParameters(1.2, 3.3, 7.8, 1050);
		NavigableSet<LocalDate> withOldBreak = withGaps(7, 280, 7, 8, 6, 7, 7, 8, 7, 6, 7, 8, 7);
		NavigableSet<LocalDate> withOldShortGap = withGaps(7, 9, 7, 8, 6, 7, 7, 8, 7, 6, 7, 8, 7);
		assertThat(strict.evaluate(withOldBreak, withOldBreak.last().plusDays(200), loyalPopulation)).isEmpty();
		assertThat(strict.evaluate(withOldShortGap, withOldShortGap.last().plusDays(200), loyalPopulation)).isPresent();
	}

	@Test
	void shouldRaiseNothingForACustomerWhoJustBought() {
		NavigableSet<LocalDate> days = everyNDays(9, 8);

		assertThat(RULE.evaluate(days, days.last(), MODEL)).isEmpty();
		assertThat(RULE.evaluate(days, days.last().plusDays(5), MODEL)).isEmpty();
	}

	@Test
	void shouldNeverAlertOnACustomerWithFewerRepeatPurchaseDaysThanTheMinimum() {
		NavigableSet<LocalDate> twoRepeats = everyNDays(9, 3);

		assertThat(RULE.evaluate(twoRepeats, twoRepeats.last().plusDays(2_000), MODEL)).isEmpty();
		assertThat(RULE.dueOn(twoRepeats, twoRepeats.last(), MODEL)).isEmpty();
		assertThat(RULE.measure(twoRepeats, twoRepeats.last().plusDays(2_000), MODEL)).isPresent();
	}

	@Test
	void shouldBeDueOnTheFirstDayTheRiskCrossesTheThresholdAndNotTheDayBefore() {
		NavigableSet<LocalDate> days = everyNDays(14, 10);

		LocalDate due = RULE.dueOn(days, days.last(), MODEL).orElseThrow();

		assertThat(RULE.evaluate(days, due, MODEL)).isPresent();
		assertThat(RULE.evaluate(days, due.minusDays(1), MODEL)).isEmpty();
		assertThat(RULE.dueOn(days, due.minusDays(10), MODEL)).contains(due);
		assertThat(RULE.dueOn(days, due, MODEL)).contains(due);
		assertThat(RULE.dueOn(days, due.plusDays(30), MODEL)).contains(due.plusDays(30));
	}

	@Test
	void shouldHaveARiskThatOnlyGrowsWithTheSilenceSoThatTheDueDayIsTheFirstAlertDay() {
		List<NavigableSet<LocalDate>> customers = List.of(everyNDays(7, 12), everyNDays(90, 6),
				withGaps(3, 40, 14, 2, 30, 14, 5, 25, 14), withGaps(7, 7, 8, 300, 6, 7, 7, 8, 7, 7),
				withGaps(7, 8, 6, 320, 7, 7, 9, 330, 6, 7), withGaps(1, 60), withGaps(150, 200, 170, 190));
		BgNbdParameters regularPopulation = new BgNbdParameters(1.2, 3.3, 7.8, 1050);
		for (BgNbdParameters model : List.of(MODEL, regularPopulation)) {
			for (double threshold : new double[] { 0.5, 0.9 }) {
				SilenceRule rule = new SilenceRule(3, 10, 39, threshold);
				for (NavigableSet<LocalDate> days : customers) {
					Optional<LocalDate> due = rule.dueOn(days, days.last(), model);
					double previous = 0;
					for (int silent = 0; silent <= 1_500; silent++) {
						LocalDate today = days.last().plusDays(silent);
						double risk = rule.measure(days, today, model).orElseThrow().silenceRisk();
						// Non-decreasing, up to rounding where it reaches 1.
						assertThat(risk).as("risk on day %d of %s, %s", silent, days, model)
							.isGreaterThanOrEqualTo(previous - 1e-12);
						previous = risk;
						boolean alert = rule.evaluate(days, today, model).isPresent();
						assertThat(alert).as("alert on day %d of %s, due %s", silent, days, due)
							.isEqualTo(due.isPresent() && !today.isBefore(due.get()));
					}
				}
			}
		}
	}

	@Test
	void shouldMakeAFasterBuyerDueSoonerThanASlowerOne() {
		assertThat(wait(everyNDays(7, 10))).isLessThan(wait(everyNDays(30, 10)));
	}

	@Test
	void shouldTakeTheMedianOverTheLatestGapsOnly() {
		NavigableSet<LocalDate> days = new TreeSet<>(everyNDays(60, 5));
		LocalDate last = days.last();
		for (int i = 1; i <= 4; i++) {
			days.add(last.plusDays(7L * i));
		}

		PurchaseRhythm rhythm = PurchaseRhythm.of(days, days.last().plusDays(10), 4);

		assertThat(rhythm.medianGapDays()).isEqualTo(7);
		assertThat(rhythm.repeatPurchaseDays()).isEqualTo(8);
		assertThat(rhythm.silenceRatio()).isCloseTo(10 / 7.0, within(1e-12));
	}

	@Test
	void shouldKeepTheFourArgumentFormWithTheDefaultPriorWeight() {
		assertThat(new SilenceRule(3, 10, 39, 0.5))
			.isEqualTo(new SilenceRule(3, 10, 39, 0.5, SilenceRule.DEFAULT_PRIOR_GAPS));
	}

	@Test
	void shouldRefuseAMeaninglessConfiguration() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SilenceRule(0, 10, 39, 0.5));
		assertThatIllegalArgumentException().isThrownBy(() -> new SilenceRule(3, 10, 0, 0.5));
		assertThatIllegalArgumentException().isThrownBy(() -> new SilenceRule(3, 10, 39, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new SilenceRule(3, 10, 39, 0.5, 0));
	}

	private static long wait(NavigableSet<LocalDate> days) {
		return ChronoUnit.DAYS.between(days.last(), RULE.dueOn(days, days.last(), MODEL).orElseThrow());
	}

	/**
	 * {P(alive), P(no purchase within the horizon)} as the javadoc states them, computed
	 * independently: the shape by Newton's method on trigamma, and the chance of a gap
	 * longer than t by integrating the gamma gap's survival over the posterior of its
	 * rate (Simpson's rule), where the rule uses the incomplete beta function.
	 */
	private static double[] expected(int[] gapsInDays, int silentDays, double priorGaps, double horizonWeeks) {
		int from = Math.max(0, gapsInDays.length - 10);
		List<Double> gaps = new ArrayList<>();
		for (int i = from; i < gapsInDays.length; i++) {
			gaps.add(gapsInDays[i] / 7.0);
		}
		int n = gaps.size();
		double meanLog = gaps.stream().mapToDouble(Math::log).average().orElseThrow();
		double squares = gaps.stream().mapToDouble((g) -> (Math.log(g) - meanLog) * (Math.log(g) - meanLog)).sum();
		double variance = (priorGaps * Math.PI * Math.PI / 6 + squares) / (priorGaps + n - 1);
		double k = 1;
		for (int i = 0; i < 100; i++) {
			// Newton on ln k: d trigamma(e^u) / du = k * tetragamma(k), by a central
			// difference.
			double slope = k * (Gamma.trigamma(k * 1.000001) - Gamma.trigamma(k / 1.000001)) / (2 * Math.log(1.000001));
			k = Math.exp(Math.log(k) - (Gamma.trigamma(k) - variance) / slope);
		}
		double sum = gaps.stream().mapToDouble(Double::doubleValue).sum();
		List<Double> recurringGaps = new ArrayList<>(gaps);
		int longestBefore = 0;
		for (int i = 0; i < from; i++) {
			longestBefore = Math.max(longestBefore, gapsInDays[i]);
		}
		if (longestBefore > 0) {
			recurringGaps.add(longestBefore / 7.0);
		}
		double shapeOfRate = MODEL.r() + k * n;
		double rateOfRate = MODEL.alpha() / k + sum;
		double calendar = Math.max(1, sum / n / (MODEL.alpha() / MODEL.r()));
		double odds = calendar * MODEL.a() / (MODEL.b() + gapsInDays.length - 1);
		double t = silentDays / 7.0;
		double survival = survival(t, k, shapeOfRate, rateOfRate, recurringGaps);
		double alive = 1 / (1 + odds / survival);
		double silentIfAlive = Math.pow((MODEL.alpha() + sum + t) / (MODEL.alpha() + sum + t + horizonWeeks),
				MODEL.r() + n);
		double risk = 1 - alive + alive * silentIfAlive;
		return new double[] { alive, risk };
	}

	private static double survival(double t, double k, double shapeOfRate, double rateOfRate,
			List<Double> recurringGaps) {
		// u = rate * rateOfRate is gamma(shapeOfRate, 1); P(gap > t | rate) = Q(k, rate
		// t).
		double upper = shapeOfRate + 40 * Math.sqrt(shapeOfRate) + 50;
		int intervals = 200_000;
		double h = upper / intervals;
		double integral = 0;
		for (int i = 0; i <= intervals; i++) {
			double u = i * h;
			double density = (u == 0) ? 0 : Math.exp((shapeOfRate - 1) * Math.log(u) - u - Gamma.logGamma(shapeOfRate));
			double value = density * Gamma.regularizedGammaQ(k, u / rateOfRate * t);
			integral += value * ((i == 0 || i == intervals) ? 1 : (i % 2 == 1) ? 4 : 2);
		}
		integral *= h / 3;
		double recurring = 0;
		for (double gap : recurringGaps) {
			recurring += 0.5 * Erf.erfc((Math.log(t) - Math.log(gap)) / (0.3 * Math.sqrt(2)));
		}
		return (1 - 0.001 * recurringGaps.size()) * integral + 0.001 * recurring;
	}

	/** Purchase days from START with these gaps in days between them. */
	private static NavigableSet<LocalDate> withGaps(int... gaps) {
		NavigableSet<LocalDate> days = new TreeSet<>();
		LocalDate day = START;
		days.add(day);
		for (int gap : gaps) {
			day = day.plusDays(gap);
			days.add(day);
		}
		return days;
	}

	/** {@code count} purchase days, {@code gap} days apart, from START. */
	private static NavigableSet<LocalDate> everyNDays(int gap, int count) {
		NavigableSet<LocalDate> days = new TreeSet<>();
		for (int i = 0; i < count; i++) {
			days.add(START.plusDays((long) gap * i));
		}
		return days;
	}

}
