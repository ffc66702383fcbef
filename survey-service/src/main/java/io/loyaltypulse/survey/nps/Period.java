package io.loyaltypulse.survey.nps;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A run of whole UTC days, both ends included.
 *
 * <p>
 * Rule: a rolling window of N days as of a date is the N days ending with that date.
 *
 * @param from the first day
 * @param to the last day, not before {@code from}
 */
public record Period(LocalDate from, LocalDate to) {

	public Period {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("must not end (" + to + ") before it starts (" + from + ")");
		}
	}

	/** The {@code days} days ending with {@code asOf}. */
	public static Period rolling(int days, LocalDate asOf) {
		if (days < 1) {
			throw new IllegalArgumentException("A window has at least one day, not " + days);
		}
		return new Period(asOf.minusDays(days - 1L), asOf);
	}

	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.to) + 1;
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(this.from) && !day.isAfter(this.to);
	}

}
