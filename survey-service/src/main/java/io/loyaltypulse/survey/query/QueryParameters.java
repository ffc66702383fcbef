package io.loyaltypulse.survey.query;

import java.util.EnumSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.loyaltypulse.support.validation.InvalidParametersException;
import io.loyaltypulse.support.validation.QueryParameterRules;
import io.loyaltypulse.support.validation.Violations;
import io.loyaltypulse.survey.nps.Confidence;
import io.loyaltypulse.survey.nps.Dimension;
import io.loyaltypulse.survey.nps.Granularity;
import io.loyaltypulse.survey.nps.Period;
import io.loyaltypulse.survey.nps.Slice;
import io.loyaltypulse.survey.nps.SliceSet;
import io.loyaltypulse.survey.nps.Slicing;

import org.springframework.util.MultiValueMap;

/**
 * Reads the query parameters of the NPS API strictly, naming every offending parameter at
 * once (400 {@code invalid}): an unknown or repeated parameter, a filter that is no id, a
 * date that is not ISO, from/to and window together, a period that ends before it starts
 * or spans more than {@value #MAX_DAYS} days, a confidence outside [0.5, 0.9999], a
 * combination of filters that is not counted ({@code loyalty.nps.slices}).
 */
final class QueryParameters {

	/** Ten years of days: more than any retention keeps. */
	static final int MAX_DAYS = 3660;

	static final double DEFAULT_CONFIDENCE = 0.95;

	private static final Pattern WINDOW = Pattern.compile("([1-9][0-9]{0,3})d");

	/** What a complaint names: no touchpoint, no survey. */
	private static final Set<Dimension> COMPLAINT_DIMENSIONS = Set.of(Dimension.STORE, Dimension.CHANNEL,
			Dimension.REGION, Dimension.SEGMENT);

	private final MultiValueMap<String, String> parameters;

	private final Slicing slicing;

	private final Map<String, String> violations = new LinkedHashMap<>();

	private QueryParameters(MultiValueMap<String, String> parameters, Slicing slicing, Set<String> allowed) {
		this.parameters = parameters;
		this.slicing = slicing;
		this.violations.putAll(QueryParameterRules.unknownOrRepeated(parameters, allowed));
	}

	/** The endpoints, by what they read. */
	enum Endpoint {

		/** {@code /nps}: filters, a period, confidence. */
		SCORE,

		/** {@code /nps/trend}: and granularity (default week). */
		TREND,

		/** {@code /nps/breakdown}: and dimension (required). */
		BREAKDOWN,

		/** {@code /complaints/kpis}: the filters a complaint names, a period. */
		COMPLAINTS

	}

	/** A question to one of the endpoints. */
	static NpsQuery read(MultiValueMap<String, String> parameters, Slicing slicing, Duration defaultWindow,
			LocalDate today, Endpoint endpoint) {
		Set<String> allowed = new LinkedHashSet<>();
		for (Dimension dimension : Dimension.values()) {
			if (endpoint != Endpoint.COMPLAINTS || COMPLAINT_DIMENSIONS.contains(dimension)) {
				allowed.add(dimension.key());
			}
		}
		allowed.addAll(List.of("from", "to", "window", "asOf"));
		switch (endpoint) {
			case SCORE -> allowed.add("confidence");
			case TREND -> allowed.addAll(List.of("confidence", "granularity"));
			case BREAKDOWN -> allowed.addAll(List.of("confidence", "dimension"));
			case COMPLAINTS -> {
			}
		}
		QueryParameters reader = new QueryParameters(parameters, slicing, allowed);
		Slice filters = reader.filters();
		Period period = reader.period(defaultWindow, today);
		double confidence = reader.confidence();
		Granularity granularity = (endpoint == Endpoint.TREND) ? reader.granularity() : null;
		Dimension dimension = (endpoint == Endpoint.BREAKDOWN) ? reader.dimension(filters) : null;
		reader.checkCounted(filters, dimension);
		if (!reader.violations.isEmpty()) {
			throw new InvalidParametersException(reader.violations);
		}
		return new NpsQuery(filters, period, confidence, Confidence.z(confidence), granularity, dimension);
	}

	private String single(String name) {
		List<String> values = this.parameters.get(name);
		return (values == null || values.isEmpty() || this.violations.containsKey(name)) ? null : values.getFirst();
	}

	private Slice filters() {
		Map<Dimension, String> values = new EnumMap<>(Dimension.class);
		for (Dimension dimension : Dimension.values()) {
			String value = single(dimension.key());
			if (value != null) {
				Violations check = new Violations();
				if (check.requireText(dimension.key(), value)) {
					values.put(dimension, value);
				}
				else {
					this.violations.put(dimension.key(), check.list().getFirst().detail());
				}
			}
		}
		return new Slice(values);
	}

	private Period period(Duration defaultWindow, LocalDate today) {
		String from = single("from");
		String to = single("to");
		String window = single("window");
		String asOf = single("asOf");
		if (from != null || to != null) {
			if (window != null) {
				this.violations.put("window", "cannot be combined with from/to: ask for a period or a window");
			}
			if (asOf != null) {
				this.violations.put("asOf", "goes with window, not with from/to");
			}
			LocalDate first = date("from", from, true);
			LocalDate last = date("to", to, true);
			return (first != null && last != null) ? checked(first, last) : null;
		}
		LocalDate end = (asOf != null) ? date("asOf", asOf, false) : today;
		Integer days = (window != null) ? windowDays(window) : Integer.valueOf((int) defaultWindow.toDays());
		return (end != null && days != null) ? Period.rolling(days, end) : null;
	}

	private Period checked(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			this.violations.put("to", "must not be before from (" + from + ")");
			return null;
		}
		Period period = new Period(from, to);
		if (period.days() > MAX_DAYS) {
			this.violations.put("to", "makes a period of " + period.days() + " days; at most " + MAX_DAYS);
			return null;
		}
		return period;
	}

	private LocalDate date(String name, String value, boolean required) {
		if (value == null) {
			if (required) {
				this.violations.put(name, "is required with " + (name.equals("from") ? "to" : "from")
						+ ": a period is both its days, from and to, included");
			}
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			this.violations.put(name, "must be an ISO date such as 2026-11-20 (a UTC day), not '" + value + "'");
			return null;
		}
	}

	private Integer windowDays(String window) {
		Matcher matcher = WINDOW.matcher(window);
		if (!matcher.matches() || Integer.parseInt(matcher.group(1)) > MAX_DAYS) {
			this.violations.put("window", "must be a number of days from 1d to " + MAX_DAYS
					+ "d, such as 7d, 30d or 90d, not '" + window + "'");
			return null;
		}
		return Integer.parseInt(matcher.group(1));
	}

	private double confidence() {
		String value = single("confidence");
		if (value == null) {
			return DEFAULT_CONFIDENCE;
		}
		try {
			double confidence = Double.parseDouble(value);
			Confidence.z(confidence);
			return confidence;
		}
		catch (IllegalArgumentException ex) {
			this.violations.put("confidence",
					"must be a confidence level from " + Confidence.MIN + " to " + Confidence.MAX + ", such as 0.95");
			return DEFAULT_CONFIDENCE;
		}
	}

	private Granularity granularity() {
		String value = single("granularity");
		if (value == null) {
			return Granularity.WEEK;
		}
		return Granularity.byKey(value).orElseGet(() -> {
			this.violations.put("granularity", "must be one of day, week, month, quarter, not '" + value + "'");
			return null;
		});
	}

	private Dimension dimension(Slice filters) {
		String value = single("dimension");
		if (value == null) {
			if (!this.violations.containsKey("dimension")) {
				this.violations.put("dimension", "is required: one of " + dimensionNames());
			}
			return null;
		}
		Dimension dimension = Dimension.byKey(value).orElse(null);
		if (dimension == null) {
			this.violations.put("dimension", "must be one of " + dimensionNames() + ", not '" + value + "'");
		}
		else if (filters.values().containsKey(dimension)) {
			this.violations.put("dimension", "is also a filter (" + value + "=" + filters.values().get(dimension)
					+ "): leave the filter out to break down by it");
			return null;
		}
		return dimension;
	}

	/**
	 * The filters (with the breakdown's dimension) must be a slice set that is counted.
	 */
	private void checkCounted(Slice filters, Dimension dimension) {
		EnumSet<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
		dimensions.addAll(filters.values().keySet());
		if (dimension != null) {
			dimensions.add(dimension);
		}
		SliceSet set = new SliceSet(dimensions);
		if (this.slicing.counts(set)) {
			return;
		}
		List<String> counted = new ArrayList<>();
		this.slicing.sets()
			.stream()
			.filter((candidate) -> candidate.dimensions().size() > 1)
			.forEach((candidate) -> counted.add(candidate.name()));
		String detail = "is one of " + set.name().replace("+", ", ")
				+ ", which are not counted together: answers are counted for all, each single dimension and the "
				+ "combinations configured in loyalty.nps.slices ("
				+ (counted.isEmpty() ? "none" : String.join(", ", counted)) + ")";
		for (Dimension named : set.ordered()) {
			String parameter = (named == dimension) ? "dimension" : named.key();
			this.violations.putIfAbsent(parameter, detail);
		}
	}

	private static String dimensionNames() {
		List<String> names = new ArrayList<>();
		for (Dimension dimension : Dimension.values()) {
			names.add(dimension.key());
		}
		return String.join(", ", names);
	}

}
