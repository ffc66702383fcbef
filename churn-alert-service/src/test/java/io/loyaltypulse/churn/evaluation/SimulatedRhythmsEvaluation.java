package io.loyaltypulse.churn.evaluation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;

import io.loyaltypulse.churn.silence.BgNbd;
import io.loyaltypulse.churn.silence.BgNbdFitter;
import io.loyaltypulse.churn.silence.BgNbdParameters;
import io.loyaltypulse.churn.silence.PurchaseHistory;
import io.loyaltypulse.churn.silence.PurchaseRhythm;
import io.loyaltypulse.churn.silence.SilenceRule;
import org.apache.commons.math3.special.Erf;

/**
 * The SILENCE signal on a simulated population whose truth is known: customers with
 * rhythms from weekly to quarterly, regular and irregular, some of whom stop for good on
 * a known day, some of whom only pause, evaluated on one day against what they do in the
 * next 180 days. Prints the ROC AUC, precision and recall of the signal next to fixed 30
 * and 60-day thresholds, and the median days from the last purchase of a customer who
 * left to the alert. Not a test: it measures and prints.
 *
 * <pre>
 * ./mvnw -q -pl churn-alert-service test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=io.loyaltypulse.churn.evaluation.SimulatedRhythmsEvaluation
 * </pre>
 */
public final class SimulatedRhythmsEvaluation {

	private static final LocalDate START = LocalDate.of(2024, 1, 1);

	/** The evaluation day: two years of history. */
	private static final LocalDate TODAY = START.plusDays(730);

	private static final int HOLDOUT_DAYS = 180;

	private static final int[] MEAN_GAPS = { 7, 14, 30, 60, 90 };

	private SimulatedRhythmsEvaluation() {
	}

	/**
	 * One simulated customer: purchase days known today, whether they stopped, whether
	 * they buy again.
	 */
	private record Customer(NavigableSet<LocalDate> days, boolean stopped, boolean left) {
	}

	public static void main(String[] args) {
		int count = (args.length > 0) ? Integer.parseInt(args[0]) : 5_000;
		SplittableRandom random = new SplittableRandom(20261130L);
		List<Customer> customers = new ArrayList<>();
		while (customers.size() < count) {
			simulate(random).ifPresent(customers::add);
		}
		List<PurchaseHistory> histories = customers.stream()
			.map((customer) -> PurchaseHistory.inWeeks(customer.days(), TODAY))
			.toList();
		BgNbdFitter.Fit fit = new BgNbdFitter().fit(histories);
		BgNbdParameters model = fit.parameters();
		SilenceRule rule = new SilenceRule(3, 10, 39, 0.5);
		List<Customer> regulars = customers.stream()
			.filter((customer) -> customer.days().size() - 1 >= rule.minRepeatPurchases())
			.toList();
		Scoreboard<Customer> board = new Scoreboard<>(regulars, Customer::left);
		Scoreboard.print(
				"Simulated: %d customers, %d regular (%d+ repeat purchase days), %d of them do not buy in the "
						+ "%d days after %s",
				customers.size(), regulars.size(), rule.minRepeatPurchases(), board.leftCount(), HOLDOUT_DAYS, TODAY);
		Scoreboard.print("BG/NBD fitted on the population: r=%.3f alpha=%.3f a=%.3f b=%.3f", model.r(), model.alpha(),
				model.a(), model.b());
		Scoreboard.print("");
		Scoreboard.print("%-56s %7s", "score (regular customers)", "ROC AUC");
		board.auc("days silent", (customer) -> daysSilent(customer));
		board.auc("own rhythm: days silent / median gap",
				(customer) -> PurchaseRhythm.of(customer.days(), TODAY, 10).silenceRatio());
		board.auc("SILENCE risk: P(no purchase in 39 weeks)", (customer) -> risk(rule, model, customer));
		Scoreboard.print("");
		Scoreboard.print("%-56s %9s %7s %7s", "alert rule (regular customers)", "precision", "recall", "alerts");
		board.alerts("fixed: silent more than 30 days", (customer) -> daysSilent(customer) > 30);
		board.alerts("fixed: silent more than 60 days", (customer) -> daysSilent(customer) > 60);
		for (int weeks : new int[] { 4, 8, 13, 39 }) {
			for (double threshold : new double[] { 0.5, 0.7, 0.9 }) {
				SilenceRule variant = new SilenceRule(3, 10, weeks, threshold);
				board.alerts("SILENCE: risk(%d weeks) >= %.1f".formatted(weeks, threshold),
						(customer) -> variant.evaluate(customer.days(), TODAY, model).isPresent());
			}
		}
		for (double tail : new double[] { 0.01, 0.02, 0.05 }) {
			board.alerts("own gaps (lognormal tail < %.2f), else risk(13w) >= 0.5".formatted(tail),
					(customer) -> ownGapsSayGone(customer, tail)
						.orElseGet(() -> risk(new SilenceRule(3, 10, 13, 0.5), model, customer) >= 0.5));
		}
		Scoreboard.print("");
		Scoreboard.print("median days from the last purchase to the alert, customers who stopped for good: %s",
				medianDaysToDetect(regulars, rule, model));
	}

	private static Optional<Customer> simulate(SplittableRandom random) {
		int meanGap = MEAN_GAPS[random.nextInt(MEAN_GAPS.length)];
		boolean regular = random.nextBoolean();
		double kind = random.nextDouble();
		boolean stops = kind < 0.3;
		boolean pauses = !stops && kind < 0.4;
		long stopDay = stops ? 200 + random.nextInt(730 - 200) : Long.MAX_VALUE;
		long pauseDay = pauses ? 200 + random.nextInt(730 - 200) : Long.MAX_VALUE;
		long pauseLength = 3L * meanGap + random.nextInt(Math.max(1, meanGap));
		NavigableSet<LocalDate> days = new TreeSet<>();
		long day = random.nextInt(120);
		boolean boughtAfterToday = false;
		while (day <= 730 + HOLDOUT_DAYS && day <= stopDay) {
			if (day <= 730) {
				days.add(START.plusDays(day));
			}
			else {
				boughtAfterToday = true;
			}
			day += Math.max(1, Math.round(gap(random, meanGap, regular)));
			if (day > pauseDay && day - pauseDay < pauseLength) {
				day = pauseDay + pauseLength;
				pauseDay = Long.MAX_VALUE;
			}
		}
		if (days.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Customer(days, stops, !boughtAfterToday));
	}

	/**
	 * A gap: gamma with shape 8 for a regular customer, exponential for an irregular one.
	 */
	private static double gap(SplittableRandom random, double mean, boolean regular) {
		int shape = regular ? 8 : 1;
		double sum = 0;
		for (int i = 0; i < shape; i++) {
			sum += -Math.log(1 - random.nextDouble());
		}
		return sum * mean / shape;
	}

	/**
	 * With five gaps or more: whether a silence this long is rarer than {@code tail} for
	 * gaps like the customer's own (lognormal over the latest ten); empty with fewer
	 * gaps.
	 */
	private static Optional<Boolean> ownGapsSayGone(Customer customer, double tail) {
		List<Double> logs = new ArrayList<>();
		LocalDate later = null;
		for (LocalDate day : customer.days().descendingSet()) {
			if (later != null && logs.size() < 10) {
				logs.add(Math.log(ChronoUnit.DAYS.between(day, later)));
			}
			later = day;
		}
		if (logs.size() < 5) {
			return Optional.empty();
		}
		double mean = logs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		double variance = logs.stream().mapToDouble((log) -> (log - mean) * (log - mean)).sum() / (logs.size() - 1);
		double sd = Math.max(Math.sqrt(variance), 0.1);
		double z = (Math.log(Math.max(1, daysSilent(customer))) - mean) / sd;
		double survival = 0.5 * Erf.erfc(z / Math.sqrt(2));
		return Optional.of(survival < tail);
	}

	private static long daysSilent(Customer customer) {
		return ChronoUnit.DAYS.between(customer.days().last(), TODAY);
	}

	private static double risk(SilenceRule rule, BgNbdParameters model, Customer customer) {
		return BgNbd.probabilityNoPurchaseWithin(model, PurchaseHistory.inWeeks(customer.days(), TODAY),
				rule.horizonWeeks());
	}

	private static String medianDaysToDetect(List<Customer> customers, SilenceRule rule, BgNbdParameters model) {
		List<Long> silence = new ArrayList<>();
		for (Customer customer : customers) {
			if (customer.stopped()) {
				LocalDate last = customer.days().last();
				rule.dueOn(customer.days(), last, model)
					.ifPresent((due) -> silence.add(ChronoUnit.DAYS.between(last, due)));
			}
		}
		return "SILENCE %d days (over %d customers), fixed 60-day rule 61 days".formatted(median(silence),
				silence.size());
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
	}

}
