package io.loyaltypulse.churn.silence;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Optional;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * {@code SILENCE iff repeatPurchaseDays >= minRepeatPurchases and P(no purchase within horizon | own gaps, BG/NBD) >= riskThreshold}.
 * <p>
 * The probability is BG/NBD's (Fader, Hardie and Lee 2005) with the customer's own gap
 * distribution in place of the Poisson process, so that a customer who buys like
 * clockwork is missed sooner than one who buys at random with the same median gap:
 * <ul>
 * <li>while active, the customer's gaps (in weeks) are gamma with their own shape
 * {@code k}: for gamma gaps the variance of {@code ln(gap)} is {@code trigamma(k)}, so
 * {@code k = trigamma^-1((priorGaps * pi^2/6 + sum (ln g - mean ln g)^2) / (priorGaps + n - 1))}
 * over the latest {@code n <= maxGaps} gaps, shrunk toward the Poisson process's
 * {@code pi^2/6} (k = 1) with the weight of {@code priorGaps} gaps;</li>
 * <li>the rate of those gaps has the population's BG/NBD prior, gamma(r, alpha/k) (the
 * same prior on the mean gap), updated by the gaps to gamma(A = r + k n, B = alpha/k +
 * sum g); a gap longer than {@code t} then has the probability {@code S(t) =
 * I_{B/(B+t)}(A, k)} (the regularized incomplete beta function), which for k = 1 is
 * BG/NBD's own {@code ((alpha + tx)/(alpha + tx + t))^(r + x)};</li>
 * <li>a gap of the customer's own may come again (an off season, a yearly holiday): each
 * of the latest gaps, and the longest gap before them, keeps a chance of 0.001 of
 * recurring, give or take 30% (a log-normal spread of 0.3), so {@code S(t) = (1 - 0.001
 * m) I_{B/(B+t)}(A, k) + 0.001 sum over those m gaps g of Phi((ln g - ln t) / 0.3)}: a
 * silence no longer than one the customer has come back from is less alarming;</li>
 * <li>the odds that the customer left after the last purchase are BG/NBD's
 * {@code a / (b + x - 1)}, times the customer's mean gap in units of the population's
 * {@code alpha / r} when it is longer: customers leave in calendar time, and a slow buyer
 * has more of it between two purchases;</li>
 * <li>{@code P(alive) = 1 / (1 + odds / S(silence))}, and the silence risk is BG/NBD's
 * with that P(alive):
 * {@code P(no purchase within h) = 1 - P(alive) + P(alive) ((alpha + G + silence) / (alpha + G + silence + h))^(r + n)}
 * over the same n gaps summing to G (BG/NBD's exact formula when n = x). Both factors
 * only fall as the silence grows, so the risk only grows, and {@link #dueOn} can bisect;
 * the customer's own gaps do not enter the second factor because a gamma with k &gt; 1
 * would make the risk dip while a purchase is due.</li>
 * </ul>
 * The customer's own rhythm explains the alert to a manager: "usually buys every 9 days
 * (median of 7 gaps); silent 23 days (2.6x); probability still active 0.31". The risk
 * grows with every silent day, so {@link #dueOn} says the day an alert becomes due, for a
 * due-time index instead of a scan of every customer.
 *
 * @param minRepeatPurchases repeat purchase days before a customer counts as regular
 * @param maxGaps the latest gaps the rhythm and the gap distribution are taken over
 * @param horizonWeeks the horizon of the silence risk, in the model's unit (weeks)
 * @param riskThreshold the silence risk that raises the alert
 * @param priorGaps how many gaps of a Poisson buyer's spread the customer's own spread is
 * shrunk toward
 */
public record SilenceRule(int minRepeatPurchases, int maxGaps, double horizonWeeks, double riskThreshold,
		double priorGaps) {

	/** The weight of the Poisson spread in the customer's own, unless configured. */
	public static final double DEFAULT_PRIOR_GAPS = 8;

	/** How far ahead {@link #dueOn} looks: beyond, a customer is not due at all. */
	private static final long MAX_DAYS_AHEAD = 3_660;

	private static final double DAYS_PER_WEEK = 7.0;

	/** The chance that the next gap repeats one given past gap of the customer's. */
	private static final double RECURRING_GAP_WEIGHT = 0.001;

	/** How closely a recurring gap repeats: the standard deviation of its logarithm. */
	private static final double RECURRING_GAP_SPREAD = 0.3;

	/** The variance of the logarithm of an exponential gap: trigamma(1) = pi^2 / 6. */
	private static final double POISSON_LOG_VARIANCE = Math.PI * Math.PI / 6;

	public SilenceRule {
		if (minRepeatPurchases < 1 || maxGaps < 1 || !(horizonWeeks > 0) || !(riskThreshold > 0 && riskThreshold < 1)
				|| !(priorGaps > 0 && priorGaps < Double.POSITIVE_INFINITY)) {
			throw new IllegalArgumentException("need min-repeat-purchases >= 1, max-gaps >= 1, a positive horizon, "
					+ "a risk threshold in (0, 1) and a positive, finite prior weight of gaps");
		}
	}

	/** The rule with {@link #DEFAULT_PRIOR_GAPS}. */
	public SilenceRule(int minRepeatPurchases, int maxGaps, double horizonWeeks, double riskThreshold) {
		this(minRepeatPurchases, maxGaps, horizonWeeks, riskThreshold, DEFAULT_PRIOR_GAPS);
	}

	/** A silence alert's evidence and its one-sentence explanation. */
	public record Silence(PurchaseRhythm rhythm, double probabilityAlive, double silenceRisk, String explanation) {
	}

	/**
	 * The alert on {@code today}, if the customer is a regular one who has gone silent.
	 */
	public Optional<Silence> evaluate(NavigableSet<LocalDate> purchaseDays, LocalDate today, BgNbdParameters model) {
		return measure(purchaseDays, today, model)
			.filter((silence) -> silence.rhythm().repeatPurchaseDays() >= this.minRepeatPurchases
					&& silence.silenceRisk() >= this.riskThreshold);
	}

	/**
	 * The customer's rhythm, probability still active and silence risk on {@code today},
	 * whether or not they raise an alert (for the customer's profile); empty without a
	 * repeat purchase day.
	 */
	public Optional<Silence> measure(NavigableSet<LocalDate> purchaseDays, LocalDate today, BgNbdParameters model) {
		PurchaseRhythm rhythm = PurchaseRhythm.of(purchaseDays, today, this.maxGaps);
		if (rhythm == null) {
			return Optional.empty();
		}
		OwnGaps gaps = OwnGaps.of(purchaseDays.headSet(today, true), this.maxGaps, this.priorGaps, model);
		double silent = rhythm.daysSilent() / DAYS_PER_WEEK;
		double alive = gaps.probabilityAlive(silent);
		double risk = gaps.probabilityNoPurchaseWithin(silent, this.horizonWeeks);
		return Optional.of(new Silence(rhythm, alive, risk, explain(rhythm, alive)));
	}

	/**
	 * The first day, from {@code today} on, on which the alert is due if the customer
	 * buys nothing more; empty for a customer who is not regular, or not due within ten
	 * years. The customer's gaps are read once; each day tried costs two incomplete beta
	 * functions.
	 */
	public Optional<LocalDate> dueOn(NavigableSet<LocalDate> purchaseDays, LocalDate today, BgNbdParameters model) {
		NavigableSet<LocalDate> known = purchaseDays.headSet(today, true);
		if (known.size() - 1 < this.minRepeatPurchases) {
			return Optional.empty();
		}
		OwnGaps gaps = OwnGaps.of(known, this.maxGaps, this.priorGaps, model);
		long silentToday = ChronoUnit.DAYS.between(known.last(), today);
		if (isDue(gaps, silentToday)) {
			return Optional.of(today);
		}
		if (!isDue(gaps, silentToday + MAX_DAYS_AHEAD)) {
			return Optional.empty();
		}
		// The risk grows with every silent day: the first due day by bisection.
		long notDue = 0;
		long due = MAX_DAYS_AHEAD;
		while (due - notDue > 1) {
			long middle = (notDue + due) / 2;
			if (isDue(gaps, silentToday + middle)) {
				due = middle;
			}
			else {
				notDue = middle;
			}
		}
		return Optional.of(today.plusDays(due));
	}

	private boolean isDue(OwnGaps gaps, long daysSilent) {
		return gaps.probabilityNoPurchaseWithin(daysSilent / DAYS_PER_WEEK, this.horizonWeeks) >= this.riskThreshold;
	}

	/**
	 * What the rule knows of a customer's gaps, in weeks: their own gamma shape, the
	 * posterior (shape, rate) of their gap rate, and the odds that they have left after
	 * their last purchase.
	 */
	record OwnGaps(double shape, double rateShape, double rateScale, double dropoutOdds, double[] logGaps,
			double poissonRateShape, double poissonRateScale) {

		static OwnGaps of(NavigableSet<LocalDate> known, int maxGaps, double priorGaps, BgNbdParameters model) {
			int n = 0;
			double[] logGaps = new double[maxGaps];
			double sum = 0;
			double sumLogs = 0;
			double sumSquaredLogs = 0;
			Iterator<LocalDate> descending = known.descendingIterator();
			LocalDate later = descending.next();
			while (n < maxGaps && descending.hasNext()) {
				LocalDate day = descending.next();
				double gap = ChronoUnit.DAYS.between(day, later) / DAYS_PER_WEEK;
				double log = Math.log(gap);
				logGaps[n] = log;
				n++;
				sum += gap;
				sumLogs += log;
				sumSquaredLogs += log * log;
				later = day;
			}
			if (n == 0) {
				throw new IllegalArgumentException("no gap: a customer needs a repeat purchase day");
			}
			// Before the latest gaps, only the longest one is kept: it may recur (an off
			// season seen a year ago).
			int x = n;
			long longestBefore = 0;
			while (descending.hasNext()) {
				LocalDate day = descending.next();
				longestBefore = Math.max(longestBefore, ChronoUnit.DAYS.between(day, later));
				x++;
				later = day;
			}
			double[] recurring = Arrays.copyOf(logGaps, (longestBefore > 0) ? n + 1 : n);
			if (longestBefore > 0) {
				recurring[n] = Math.log(longestBefore / DAYS_PER_WEEK);
			}
			double squares = Math.max(0, sumSquaredLogs - sumLogs * sumLogs / n);
			double shape = inverseTrigamma((priorGaps * POISSON_LOG_VARIANCE + squares) / (priorGaps + n - 1));
			double calendar = Math.max(1, (sum / n) * model.r() / model.alpha());
			return new OwnGaps(shape, model.r() + shape * n, model.alpha() / shape + sum,
					calendar * model.a() / (model.b() + x - 1), recurring, model.r() + n, model.alpha() + sum);
		}

		/**
		 * P(the next gap is longer than {@code weeks} | still active): the gamma gaps,
		 * and the customer's own gaps recurring.
		 */
		double survival(double weeks) {
			double model = Beta.regularizedBeta(this.rateScale / (this.rateScale + weeks), this.rateShape, this.shape);
			if (!(weeks > 0)) {
				return 1;
			}
			double recurring = 0;
			double logWeeks = Math.log(weeks);
			for (double logGap : this.logGaps) {
				recurring += 0.5 * Erf.erfc((logWeeks - logGap) / (RECURRING_GAP_SPREAD * Math.sqrt(2)));
			}
			return (1 - this.logGaps.length * RECURRING_GAP_WEIGHT) * model + RECURRING_GAP_WEIGHT * recurring;
		}

		double probabilityAlive(double silentWeeks) {
			double survival = survival(silentWeeks);
			return (survival > 0) ? 1 / (1 + this.dropoutOdds / survival) : 0;
		}

		double probabilityNoPurchaseWithin(double silentWeeks, double horizonWeeks) {
			double survival = survival(silentWeeks);
			if (!(survival > 0)) {
				return 1;
			}
			double alive = 1 / (1 + this.dropoutOdds / survival);
			double silentIfAlive = Math.exp(this.poissonRateShape * (Math.log(this.poissonRateScale + silentWeeks)
					- Math.log(this.poissonRateScale + silentWeeks + horizonWeeks)));
			return 1 - alive + alive * silentIfAlive;
		}

		/**
		 * The k > 0 with trigamma(k) = value, by bisection on ln k in [ln 0.01, ln 1000].
		 */
		static double inverseTrigamma(double value) {
			double low = Math.log(0.01);
			double high = Math.log(1000);
			for (int i = 0; i < 60; i++) {
				double middle = (low + high) / 2;
				if (Gamma.trigamma(Math.exp(middle)) > value) {
					low = middle;
				}
				else {
					high = middle;
				}
			}
			return Math.exp((low + high) / 2);
		}

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
