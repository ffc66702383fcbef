package io.loyaltypulse.survey.query;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The bodies the NPS API answers with. */
final class NpsAnswers {

	private NpsAnswers() {
	}

	/**
	 * {@code GET /api/v1/nps}: the NPS of one slice over a period.
	 *
	 * @param slice the slice key, e.g. {@code store=S1} or {@code all}
	 * @param filters the slice's dimension values
	 * @param histogram the answers per score 0 to 10, or null when withheld (a histogram
	 * of a handful of answers would show who answered what)
	 */
	record Score(String slice, Map<String, String> filters, String from, String to, double confidence, double z,
			@JsonUnwrapped NpsFigures figures, List<Long> histogram) {
	}

	/**
	 * One point of a trend.
	 *
	 * @param period its day, week, month or quarter, e.g. {@code 2026-W47}
	 * @param change the change from the previous point, or null (first point, or either
	 * withheld)
	 * @param significant whether the change exceeds z sqrt(SE1^2 + SE2^2)
	 */
	record Point(String period, String from, String to, @JsonUnwrapped NpsFigures figures, Double change,
			boolean significant) {
	}

	/** {@code GET /api/v1/nps/trend}. */
	record Trend(String slice, Map<String, String> filters, String from, String to, String granularity,
			double confidence, double z, List<Point> points) {
	}

	/**
	 * One slice of a breakdown.
	 *
	 * @param value the value of the broken-down dimension, e.g. the store id
	 * @param rank 1 for the highest NPS; null when withheld
	 */
	record SliceScore(String slice, String value, Integer rank, @JsonUnwrapped NpsFigures figures) {
	}

	/** {@code GET /api/v1/nps/breakdown}. */
	record Breakdown(String dimension, Map<String, String> filters, String from, String to, double confidence, double z,
			List<SliceScore> slices) {
	}

	/**
	 * {@code GET /api/v1/complaints/kpis}: the complaints of one slice filed in a period.
	 *
	 * @param resolved of those filed, the ones resolved so far
	 * @param open of those filed, the ones not resolved yet
	 * @param medianTimeToResolve ISO-8601, e.g. {@code PT26H}, over the resolved ones;
	 * null when none is
	 */
	record ComplaintKpis(String slice, Map<String, String> filters, String from, String to, long filed, long resolved,
			long open, Map<String, Long> byCategory, Map<String, Long> bySeverity, String medianTimeToResolve) {
	}

}
