package io.loyaltypulse.points.tiers;

import java.util.TreeMap;

/**
 * A customer's tier, part of their persisted state: the tier held, when its period ends,
 * and qualifying points by day of earning (net of refunds), enough for a rolling 12-month
 * sum. Changed only by {@link TierTracker}.
 */
public final class TierStatus {

	/** The tier held; null until the first upgrade, meaning the base tier. */
	String tier;

	/**
	 * End of the current tier period (epoch millis); 0 while on the base tier, which has
	 * no period.
	 */
	long periodEndsAt;

	/** The period end that a downgrade warning was already sent for. */
	long warnedForPeriodEnd;

	/** Tier events emitted so far: the sequence in their ids. */
	long eventCount;

	/** Qualifying points by epoch day of earning. */
	TreeMap<Long, Long> qualifyingByDay = new TreeMap<>();

	TierStatus() {
	}

	public static TierStatus initial() {
		return new TierStatus();
	}

	public long periodEndsAt() {
		return this.periodEndsAt;
	}

}
