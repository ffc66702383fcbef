package io.loyaltypulse.survey.complaints;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The complaints of a slice, counted: filed, resolved (so far, of those filed), by
 * category and by severity, and the time each resolved one took. Immutable.
 *
 * <p>
 * Rule: open = filed - resolved; the median time to resolve is the middle of the sorted
 * resolution times, the mean of the two middle ones for an even count.
 *
 * @param filed complaints filed
 * @param resolved of those, the ones resolved
 * @param byCategory filed per category
 * @param bySeverity filed per severity
 * @param resolutionSeconds how long each resolved one took, in seconds, sorted
 */
public record ComplaintCounts(long filed, long resolved, Map<String, Long> byCategory, Map<String, Long> bySeverity,
		List<Long> resolutionSeconds) {

	public static final ComplaintCounts NONE = new ComplaintCounts(0, 0, Map.of(), Map.of(), List.of());

	public ComplaintCounts {
		byCategory = Collections.unmodifiableMap(new TreeMap<>(byCategory));
		bySeverity = Collections.unmodifiableMap(new TreeMap<>(bySeverity));
		List<Long> sorted = new ArrayList<>(resolutionSeconds);
		Collections.sort(sorted);
		resolutionSeconds = List.copyOf(sorted);
	}

	/** These counts with one complaint filed. */
	public ComplaintCounts withFiled(String category, String severity) {
		Map<String, Long> categories = new TreeMap<>(this.byCategory);
		categories.merge(category, 1L, Long::sum);
		Map<String, Long> severities = new TreeMap<>(this.bySeverity);
		severities.merge(severity, 1L, Long::sum);
		return new ComplaintCounts(this.filed + 1, this.resolved, categories, severities, this.resolutionSeconds);
	}

	/** These counts with one of their complaints resolved after {@code took}. */
	public ComplaintCounts withResolved(Duration took) {
		List<Long> times = new ArrayList<>(this.resolutionSeconds);
		times.add(Math.max(0, took.toSeconds()));
		return new ComplaintCounts(this.filed, this.resolved + 1, this.byCategory, this.bySeverity, times);
	}

	public ComplaintCounts plus(ComplaintCounts other) {
		Map<String, Long> categories = new TreeMap<>(this.byCategory);
		other.byCategory.forEach((category, count) -> categories.merge(category, count, Long::sum));
		Map<String, Long> severities = new TreeMap<>(this.bySeverity);
		other.bySeverity.forEach((severity, count) -> severities.merge(severity, count, Long::sum));
		List<Long> times = new ArrayList<>(this.resolutionSeconds);
		times.addAll(other.resolutionSeconds);
		return new ComplaintCounts(this.filed + other.filed, this.resolved + other.resolved, categories, severities,
				times);
	}

	public long open() {
		return this.filed - this.resolved;
	}

	/** The median time to resolve, or null when none is resolved. */
	public Duration medianTimeToResolve() {
		int count = this.resolutionSeconds.size();
		if (count == 0) {
			return null;
		}
		if (count % 2 == 1) {
			return Duration.ofSeconds(this.resolutionSeconds.get(count / 2));
		}
		long sum = this.resolutionSeconds.get(count / 2 - 1) + this.resolutionSeconds.get(count / 2);
		return Duration.ofMillis(sum * 500);
	}

}
