package io.loyaltypulse.survey.nps;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One slice of the answers: a value for each dimension of its set, for example store S1
 * and touchpoint DELIVERY; no value at all is the slice of every answer.
 *
 * <p>
 * Rule: key = {@code all}, or {@code dimension=value} pairs in dimension order joined by
 * {@code &}, each value URL-encoded, so that any value gives exactly one key and back.
 *
 * @param values the value of each dimension of the slice
 */
public record Slice(Map<Dimension, String> values) {

	/** The key of the slice of every answer. */
	public static final String ALL_KEY = "all";

	/** The slice of every answer. */
	public static final Slice ALL = new Slice(Map.of());

	public Slice {
		EnumMap<Dimension, String> copy = new EnumMap<>(Dimension.class);
		copy.putAll(values);
		values = Collections.unmodifiableMap(copy);
	}

	/** The key of this slice on nps-scores and in the slice-day store. */
	public String key() {
		if (this.values.isEmpty()) {
			return ALL_KEY;
		}
		List<String> pairs = new ArrayList<>(this.values.size());
		this.values.forEach((dimension, value) -> pairs
			.add(dimension.key() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return String.join("&", pairs);
	}

	/**
	 * The slice of a key that {@link #key()} made.
	 * @throws IllegalArgumentException when it is not such a key
	 */
	public static Slice parse(String key) {
		if (ALL_KEY.equals(key)) {
			return ALL;
		}
		Map<Dimension, String> values = new EnumMap<>(Dimension.class);
		for (String pair : key.split("&", -1)) {
			int equals = pair.indexOf('=');
			Dimension dimension = (equals > 0) ? Dimension.byKey(pair.substring(0, equals)).orElse(null) : null;
			if (dimension == null || values.put(dimension,
					URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)) != null) {
				throw new IllegalArgumentException("Not a slice key: " + key);
			}
		}
		return new Slice(values);
	}

	public SliceSet set() {
		return (this.values.isEmpty()) ? SliceSet.ALL : new SliceSet(this.values.keySet());
	}

	/**
	 * The values by dimension name, in dimension order, as NpsScoreUpdated carries them.
	 */
	public Map<String, String> byName() {
		Map<String, String> byName = new LinkedHashMap<>();
		this.values.forEach((dimension, value) -> byName.put(dimension.key(), value));
		return byName;
	}

	@Override
	public String toString() {
		return key();
	}

}
