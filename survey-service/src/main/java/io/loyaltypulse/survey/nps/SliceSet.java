package io.loyaltypulse.survey.nps;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A set of dimensions that answers are counted by: none ({@code all}), one
 * ({@code store}) or a combination ({@code store+touchpoint}).
 *
 * <p>
 * Rule: an answer falls into the slice of a set only when it names every dimension of the
 * set.
 */
public record SliceSet(Set<Dimension> dimensions) {

	/** Every answer, whatever it names. */
	public static final SliceSet ALL = new SliceSet(EnumSet.noneOf(Dimension.class));

	public SliceSet {
		dimensions = dimensions.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(dimensions));
	}

	public static SliceSet of(Dimension... dimensions) {
		return new SliceSet(
				(dimensions.length == 0) ? EnumSet.noneOf(Dimension.class) : EnumSet.of(dimensions[0], dimensions));
	}

	/**
	 * Parses {@code all}, {@code store} or {@code store+touchpoint}.
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public static SliceSet parse(String text) {
		if (Slice.ALL_KEY.equals(text)) {
			return ALL;
		}
		EnumSet<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
		for (String name : text.split("\\+", -1)) {
			Dimension dimension = Dimension.byKey(name.strip())
				.orElseThrow(() -> new IllegalArgumentException("'" + name + "' in '" + text
						+ "' is not a dimension (store, channel, region, segment, touchpoint, survey)"));
			if (!dimensions.add(dimension)) {
				throw new IllegalArgumentException("'" + text + "' names " + name + " twice");
			}
		}
		return new SliceSet(dimensions);
	}

	/** The dimensions in slice-key order. */
	public List<Dimension> ordered() {
		return (this.dimensions.isEmpty()) ? List.of() : List.copyOf(EnumSet.copyOf(this.dimensions));
	}

	/** {@code all}, or the dimensions joined by {@code +} in slice-key order. */
	public String name() {
		if (this.dimensions.isEmpty()) {
			return Slice.ALL_KEY;
		}
		List<String> names = new ArrayList<>();
		ordered().forEach((dimension) -> names.add(dimension.key()));
		return String.join("+", names);
	}

	/** The answer's slice of this set, unless the answer leaves a dimension of it out. */
	public Optional<Slice> sliceOf(Answer answer) {
		return sliceOf(answer.values());
	}

	/**
	 * The slice of this set of something with these dimension values (an answer, a
	 * complaint), unless a dimension of the set is missing.
	 */
	public Optional<Slice> sliceOf(Map<Dimension, String> named) {
		Map<Dimension, String> values = new EnumMap<>(Dimension.class);
		for (Dimension dimension : this.dimensions) {
			String value = named.get(dimension);
			if (value == null) {
				return Optional.empty();
			}
			values.put(dimension, value);
		}
		return Optional.of(new Slice(values));
	}

	@Override
	public String toString() {
		return name();
	}

}
