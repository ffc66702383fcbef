package io.loyaltypulse.churn.silence;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The SILENCE rule on purchase days: who counts as regular, when the alert is due, and
 * the sentence a manager reads.
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
			assertThat(alert.explanation()).startsWith(
					"usually buys every 9 days (median of 7 gaps); silent 45 days (5.0x); probability still active 0.");
			assertThat(alert.explanation()).endsWith(String.format(Locale.ROOT, "%.2f", alert.probabilityAlive()));
		});
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
	}

	@Test
	void shouldBeDueOnTheFirstDayTheRiskCrossesTheThresholdAndNotTheDayBefore() {
		NavigableSet<LocalDate> days = everyNDays(14, 10);

		LocalDate due = RULE.dueOn(days, days.last(), MODEL).orElseThrow();

		assertThat(RULE.evaluate(days, due, MODEL)).isPresent();
		assertThat(RULE.evaluate(days, due.minusDays(1), MODEL)).isEmpty();
		assertThat(RULE.dueOn(days, due, MODEL)).contains(due);
		assertThat(RULE.dueOn(days, due.plusDays(30), MODEL)).contains(due.plusDays(30));
	}

	@Test
	void shouldMakeAFasterBuyerDueSoonerThanASlowerOne() {
		NavigableSet<LocalDate> weekly = everyNDays(7, 10);
		NavigableSet<LocalDate> monthly = everyNDays(30, 10);

		long weeklyWait = ChronoUnit.DAYS.between(weekly.last(),
				RULE.dueOn(weekly, weekly.last(), MODEL).orElseThrow());
		long monthlyWait = ChronoUnit.DAYS.between(monthly.last(),
				RULE.dueOn(monthly, monthly.last(), MODEL).orElseThrow());

		assertThat(weeklyWait).isLessThan(monthlyWait);
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
	void shouldRefuseAMeaninglessConfiguration() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SilenceRule(0, 10, 39, 0.5));
		assertThatIllegalArgumentException().isThrownBy(() -> new SilenceRule(3, 10, 0, 0.5));
		assertThatIllegalArgumentException().isThrownBy(() -> new SilenceRule(3, 10, 39, 1));
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
