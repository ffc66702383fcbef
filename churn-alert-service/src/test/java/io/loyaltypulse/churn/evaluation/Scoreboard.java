package io.loyaltypulse.churn.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Prints how well scores rank, and alert rules pick, the customers who left: the ROC AUC
 * (Mann-Whitney, ties at their average rank) and precision, recall and alert count.
 *
 * @param <C> a scored customer
 */
final class Scoreboard<C> {

	private final List<C> customers;

	private final Predicate<C> left;

	Scoreboard(List<C> customers, Predicate<C> left) {
		this.customers = customers;
		this.left = left;
	}

	long leftCount() {
		return this.customers.stream().filter(this.left).count();
	}

	void auc(String name, ToDoubleFunction<C> score) {
		double[] values = this.customers.stream().mapToDouble(score).toArray();
		double[] ranks = averageRanks(values);
		long positives = 0;
		double rankSum = 0;
		for (int i = 0; i < values.length; i++) {
			if (this.left.test(this.customers.get(i))) {
				positives++;
				rankSum += ranks[i];
			}
		}
		long negatives = values.length - positives;
		print("%-56s %7.3f", name, (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives));
	}

	void alerts(String name, Predicate<C> alert) {
		long alerts = 0;
		long right = 0;
		for (C customer : this.customers) {
			if (alert.test(customer)) {
				alerts++;
				right += this.left.test(customer) ? 1 : 0;
			}
		}
		print("%-56s %9.3f %7.3f %7d", name, (alerts > 0) ? right / (double) alerts : 0, right / (double) leftCount(),
				alerts);
	}

	static void print(String format, Object... args) {
		System.out.println(String.format(Locale.ROOT, format, args));
	}

	/** Ranks from 1, ties sharing their average rank. */
	private static double[] averageRanks(double[] values) {
		Integer[] order = new Integer[values.length];
		Arrays.setAll(order, (i) -> i);
		Arrays.sort(order, (i, j) -> Double.compare(values[i], values[j]));
		double[] ranks = new double[values.length];
		for (int start = 0; start < order.length;) {
			int end = start;
			while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
				end++;
			}
			double average = (start + end) / 2.0 + 1;
			for (int k = start; k <= end; k++) {
				ranks[order[k]] = average;
			}
			start = end + 1;
		}
		return ranks;
	}

}
