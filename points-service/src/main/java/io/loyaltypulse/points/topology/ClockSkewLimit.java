package io.loyaltypulse.points.topology;

import java.time.Duration;
import java.time.Instant;

import io.loyaltypulse.points.InvalidEventException;
import org.apache.avro.specific.SpecificRecord;

/**
 * An event from the future is refused:
 * {@code admitted iff occurredAt <= wallClock + maxClockSkew}.
 *
 * <p>
 * Applied, it would move the customer's account (and, through the punctuator, every
 * account of the task) into the future: lots would expire and tier periods end before
 * they fall due.
 */
final class ClockSkewLimit {

	private final Duration maxClockSkew;

	ClockSkewLimit(Duration maxClockSkew) {
		this.maxClockSkew = maxClockSkew;
	}

	/**
	 * @throws InvalidEventException if the event is stamped too far ahead
	 */
	void check(String customerId, SpecificRecord event, Instant at, long wallClock) {
		if (at.isAfter(Instant.ofEpochMilli(latestAdmitted(wallClock)))) {
			throw new InvalidEventException("%s for customer %s occurred at %s, more than %s ahead of the wall clock %s"
				.formatted(event.getSchema().getName(), customerId, at, this.maxClockSkew,
						Instant.ofEpochMilli(wallClock)));
		}
	}

	/** The wall clock plus the skew, saturated: a skew of "forever" admits any time. */
	private long latestAdmitted(long wallClock) {
		long maxClockSkew = this.maxClockSkew.toMillis();
		return (maxClockSkew > Long.MAX_VALUE - wallClock) ? Long.MAX_VALUE : wallClock + maxClockSkew;
	}

}
