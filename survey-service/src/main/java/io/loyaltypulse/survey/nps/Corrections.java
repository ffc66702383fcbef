package io.loyaltypulse.survey.nps;

import java.time.Instant;

/**
 * Whether a version of a response changes the counts, given the version already counted
 * for its responseId.
 *
 * <p>
 * Rule: a response counts once; a version with a later occurredAt replaces the counted
 * one, a version with the same or an earlier occurredAt (a repeat, or a correction
 * overtaken by a newer one) changes nothing.
 */
public final class Corrections {

	/** What a version does to the counts. */
	public enum Outcome {

		/** The first version of the response: counted. */
		COUNT,

		/** Later than the counted version: replaces it in every slice and day. */
		REPLACE,

		/** Not later than the counted version: changes nothing. */
		IGNORE

	}

	private Corrections() {
	}

	/**
	 * @param counted the occurredAt of the version counted so far, or null when none is
	 */
	public static Outcome decide(Instant counted, Instant incoming) {
		if (counted == null) {
			return Outcome.COUNT;
		}
		return incoming.isAfter(counted) ? Outcome.REPLACE : Outcome.IGNORE;
	}

}
