package io.loyaltypulse.survey.query;

import java.util.EnumSet;
import io.loyaltypulse.survey.nps.Dimension;
import io.loyaltypulse.survey.nps.Granularity;
import io.loyaltypulse.survey.nps.Period;
import io.loyaltypulse.survey.nps.Slice;
import io.loyaltypulse.survey.nps.SliceSet;

/**
 * A question to the NPS API, its parameters checked.
 *
 * @param filters the dimension values asked for: the slice of {@code /nps} and
 * {@code /nps/trend}, what every slice of a breakdown shares
 * @param period the UTC days asked for
 * @param confidence the confidence level of margins and significance
 * @param z its z
 * @param granularity the points of a trend, else null
 * @param dimension what a breakdown breaks down by, else null
 */
record NpsQuery(Slice filters, Period period, double confidence, double z, Granularity granularity,
		Dimension dimension) {

	/** The slice set a breakdown lists the slices of: the filters' and the dimension. */
	SliceSet breakdownSet() {
		EnumSet<Dimension> dimensions = EnumSet.noneOf(Dimension.class);
		dimensions.addAll(this.filters.values().keySet());
		dimensions.add(this.dimension);
		return new SliceSet(dimensions);
	}

	/** Whether a slice of the breakdown set has the filters' values. */
	boolean matchesFilters(Slice slice) {
		return slice.values().entrySet().containsAll(this.filters.values().entrySet());
	}

}
