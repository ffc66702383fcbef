package io.loyaltypulse.survey.nps;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The slice sets answers are counted by: {@code all}, each single dimension, and the
 * configured combinations ({@code loyalty.nps.slices}).
 *
 * <p>
 * Rule: an answer counts in {@code all}, in each dimension it names, and in each
 * configured combination whose dimensions it all names.
 */
public final class Slicing {

	private final List<SliceSet> sets;

	/**
	 * @param combinations the configured combinations, of two dimensions or more
	 * @throws IllegalArgumentException for a combination of fewer than two dimensions
	 */
	public Slicing(List<SliceSet> combinations) {
		Set<SliceSet> sets = new LinkedHashSet<>();
		sets.add(SliceSet.ALL);
		for (Dimension dimension : Dimension.values()) {
			sets.add(SliceSet.of(dimension));
		}
		for (SliceSet combination : combinations) {
			if (combination.dimensions().size() < 2) {
				throw new IllegalArgumentException("loyalty.nps.slices holds combinations of two dimensions or more, "
						+ "such as store+touchpoint; '" + combination
						+ "' is counted anyway (all and every single dimension are)");
			}
			sets.add(combination);
		}
		this.sets = List.copyOf(sets);
	}

	/** Every set counted, all and the single dimensions first. */
	public List<SliceSet> sets() {
		return this.sets;
	}

	public boolean counts(SliceSet set) {
		return this.sets.contains(set);
	}

	/** The slices an answer counts in. */
	public List<Slice> slicesOf(Answer answer) {
		return slicesOf(answer.values());
	}

	/**
	 * The slices something with these dimension values (an answer, a complaint) counts
	 * in.
	 */
	public List<Slice> slicesOf(Map<Dimension, String> values) {
		List<Slice> slices = new ArrayList<>(this.sets.size());
		for (SliceSet set : this.sets) {
			set.sliceOf(values).ifPresent(slices::add);
		}
		return slices;
	}

}
