package io.loyaltypulse.churn.silence;

import java.time.LocalDate;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Optional;

/**
 * {@code SILENCE iff repeatPurchaseDays >= minRepeatPurchases and P(no purchase within horizon | BG/NBD) >= riskThreshold}.
 * <p>
 * The model's probability ranks who has left (it weighs how long and how regularly the
 * customer bought); the customer's own rhythm explains it to a manager: "usually buys
 * every 9 days (median of 7 gaps); silent 23 days (2.6x); probability still active 0.31".
 * Because the risk only grows while a customer stays silent, {@link #dueOn} says the day
 * an alert becomes due, for a due-time index instead of a scan of every customer.
 *
 * @param minRepeatPurchases repeat purchase days before a customer counts as regular
 * @param maxGaps the latest gaps the median rhythm is taken over
 * @param horizonWeeks the horizon of the silence risk, in the model's unit (weeks)
 * @param riskThreshold the silence risk that raises the alert
 */
public record SilenceRule(int minRepeatPurchases, int maxGaps, double horizonWeeks, double riskThreshold) {

	/** How far ahead {@link #dueOn} looks: beyond, a customer is not due at all. */
	private static final long MAX_DAYS_AHEAD = 3_660;

	public SilenceRule {
		if (minRepeatPurchases < 1 || maxGaps < 1 || !(horizonWeeks > 0) || !(riskThreshold > 0 && riskThreshold < 1)) {
			throw new IllegalArgumentException(
					"need min-repeat-purchases >= 1, max-gaps >= 1, a positive horizon and a risk threshold in (0, 1)");
		}
	}

	/** A silence alert's evidence and its one-sentence explanation. */
	public record Silence(PurchaseRhythm rhythm, double probabilityAlive, double silenceRisk, String explanation) {
	}

	/**
	 * The alert on {@code today}, if the customer is a regular one who has gone silent.
	 */
	public Optional<Silence> evaluate(NavigableSet<LocalDate> purchaseDays, LocalDate today, BgNbdParameters model) {
		PurchaseRhythm rhythm = PurchaseRhythm.of(purchaseDays, today, this.maxGaps);
		if (rhythm == null || rhythm.repeatPurchaseDays() < this.minRepeatPurchases) {
			return Optional.empty();
		}
		PurchaseHistory history = PurchaseHistory.inWeeks(purchaseDays, today);
		double risk = BgNbd.probabilityNoPurchaseWithin(model, history, this.horizonWeeks);
		if (risk < this.riskThreshold) {
			return Optional.empty();
		}
		double alive = BgNbd.probabilityAlive(model, history);
		return Optional.of(new Silence(rhythm, alive, risk, explain(rhythm, alive)));
	}

	/**
	 * The first day, from {@code today} on, on which the alert is due if the customer
	 * buys nothing more; empty for a customer who is not regular, or not due within ten
	 * years.
	 */
	public Optional<LocalDate> dueOn(NavigableSet<LocalDate> purchaseDays, LocalDate today, BgNbdParameters model) {
		if (evaluate(purchaseDays, today, model).isPresent()) {
			return Optional.of(today);
		}
		PurchaseRhythm rhythm = PurchaseRhythm.of(purchaseDays, today, this.maxGaps);
		if (rhythm == null || rhythm.repeatPurchaseDays() < this.minRepeatPurchases
				|| !isDue(purchaseDays, today.plusDays(MAX_DAYS_AHEAD), model)) {
			return Optional.empty();
		}
		// The risk grows with every silent day: the first due day by bisection.
		long notDue = 0;
		long due = MAX_DAYS_AHEAD;
		while (due - notDue > 1) {
			long middle = (notDue + due) / 2;
			if (isDue(purchaseDays, today.plusDays(middle), model)) {
				due = middle;
			}
			else {
				notDue = middle;
			}
		}
		return Optional.of(today.plusDays(due));
	}

	private boolean isDue(NavigableSet<LocalDate> purchaseDays, LocalDate day, BgNbdParameters model) {
		return BgNbd.probabilityNoPurchaseWithin(model, PurchaseHistory.inWeeks(purchaseDays, day),
				this.horizonWeeks) >= this.riskThreshold;
	}

	private static String explain(PurchaseRhythm rhythm, double alive) {
		return String.format(Locale.ROOT,
				"usually buys every %s days (median of %d gaps); silent %d days (%.1fx); probability still active %.2f",
				days(rhythm.medianGapDays()), rhythm.gapsUsed(), rhythm.daysSilent(), rhythm.silenceRatio(), alive);
	}

	private static String days(double days) {
		return (days == Math.rint(days)) ? Long.toString((long) days) : String.format(Locale.ROOT, "%.1f", days);
	}

}
