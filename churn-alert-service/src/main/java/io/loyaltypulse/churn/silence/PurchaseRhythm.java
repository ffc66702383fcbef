package io.loyaltypulse.churn.silence;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;

/**
 * A customer's own rhythm from their purchase days: the median of the last gaps between
 * purchase days, and how long they have been silent compared with it.
 *
 * @param repeatPurchaseDays purchase days after the first
 * @param gapsUsed how many of the latest gaps the median is taken over
 * @param medianGapDays the median of those gaps, in days
 * @param daysSilent days since the last purchase day
 */
public record PurchaseRhythm(int repeatPurchaseDays, int gapsUsed, double medianGapDays, long daysSilent) {

	/** {@code daysSilent / medianGapDays}: 2.6 means silent for 2.6 usual gaps. */
	public double silenceRatio() {
		return this.daysSilent / this.medianGapDays;
	}

	/**
	 * The rhythm on {@code today} over the latest {@code maxGaps} gaps, or null without a
	 * repeat purchase day (no gap, no rhythm).
	 */
	public static PurchaseRhythm of(NavigableSet<LocalDate> purchaseDays, LocalDate today, int maxGaps) {
		NavigableSet<LocalDate> known = purchaseDays.headSet(today, true);
		if (known.size() < 2) {
			return null;
		}
		List<Long> gaps = new ArrayList<>();
		LocalDate later = null;
		for (LocalDate day : known.descendingSet()) {
			if (later != null) {
				gaps.add(ChronoUnit.DAYS.between(day, later));
				if (gaps.size() == maxGaps) {
					break;
				}
			}
			later = day;
		}
		return new PurchaseRhythm(known.size() - 1, gaps.size(), median(gaps),
				ChronoUnit.DAYS.between(known.last(), today));
	}

	private static double median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
	}

}
