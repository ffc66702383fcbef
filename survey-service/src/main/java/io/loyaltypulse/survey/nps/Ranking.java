package io.loyaltypulse.survey.nps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The slices of a breakdown in rank order.
 *
 * <p>
 * Rule: highest NPS first, ties broken by more answers, then by slice key; withheld
 * slices last, by slice key, without a rank.
 */
public final class Ranking {

	private Ranking() {
	}

	/**
	 * A slice and its NPS.
	 *
	 * @param key the slice key
	 * @param estimate its NPS over the period
	 */
	public record Entry(String key, NpsEstimate estimate) {
	}

	/**
	 * A slice in its place.
	 *
	 * @param rank 1 for the highest NPS, or null when withheld
	 */
	public record Ranked(Integer rank, Entry entry) {
	}

	public static List<Ranked> rank(List<Entry> entries) {
		List<Entry> sorted = new ArrayList<>(entries);
		sorted.sort(Comparator.comparing((Entry entry) -> entry.estimate().withheld())
			.thenComparing((Entry entry) -> entry.estimate().withheld() ? 0 : -entry.estimate().nps())
			.thenComparing((Entry entry) -> entry.estimate().withheld() ? 0 : -entry.estimate().n())
			.thenComparing(Entry::key));
		List<Ranked> ranked = new ArrayList<>(sorted.size());
		for (int i = 0; i < sorted.size(); i++) {
			Entry entry = sorted.get(i);
			ranked.add(new Ranked(entry.estimate().withheld() ? null : i + 1, entry));
		}
		return ranked;
	}

}
