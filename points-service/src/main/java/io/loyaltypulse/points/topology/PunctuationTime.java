package io.loyaltypulse.points.topology;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * How far the punctuator advances the accounts:
 * {@code asOf = (idle ? wallClock : min(appliedUntil, wallClock)) - allowedLateness}, and
 * not at all while records flow before any was applied, nor to the epoch or before.
 *
 * <p>
 * The time of the events applied, not stream time: a dead-lettered record stamped in the
 * future (a producer's clock, a bad occurredAt) would move stream time there for good.
 * Event time makes a replay deterministic; the idle rule (no record for
 * {@code idleAdvance}) still expires points on a quiet partition; the bound on the wall
 * clock means no lot expires, and no tier period ends, before it really falls due; and
 * the lateness lets an event up to that late be applied before what fell due after it, as
 * a replay would.
 */
final class PunctuationTime {

	private final Duration idleAdvance;

	private final Duration allowedLateness;

	PunctuationTime(Duration idleAdvance, Duration allowedLateness) {
		this.idleAdvance = idleAdvance;
		this.allowedLateness = allowedLateness;
	}

	/**
	 * @param wallClock now
	 * @param lastRecordAtWallClock when the task last received a record
	 * @param appliedUntil the newest event time the task applied, or
	 * {@link DedupHorizon#NOTHING_APPLIED}
	 * @return the time (epoch millis) to apply what fell due up to; empty for none
	 */
	OptionalLong asOf(long wallClock, long lastRecordAtWallClock, long appliedUntil) {
		boolean idle = wallClock - lastRecordAtWallClock >= this.idleAdvance.toMillis();
		if (!idle && appliedUntil == DedupHorizon.NOTHING_APPLIED) {
			return OptionalLong.empty();
		}
		long asOf = (idle ? wallClock : Math.min(appliedUntil, wallClock)) - this.allowedLateness.toMillis();
		return (asOf <= 0) ? OptionalLong.empty() : OptionalLong.of(asOf);
	}

}
