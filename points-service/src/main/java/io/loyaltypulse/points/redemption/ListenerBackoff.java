package io.loyaltypulse.points.redemption;

import java.time.Duration;

/**
 * The pause of the outcome listener after a failure: doubles with each failure in a row,
 * up to a bound, and starts again from the first pause once the listener read
 * successfully. Growing, so that a broker that stays away is not hammered; bounded, so
 * that the listener is back soon after the broker is.
 */
final class ListenerBackoff {

	private final Duration first;

	private final Duration max;

	private Duration next;

	ListenerBackoff(Duration first, Duration max) {
		if (!first.isPositive() || max.compareTo(first) < 0) {
			throw new IllegalArgumentException("need 0 < first <= max, got " + first + " and " + max);
		}
		this.first = first;
		this.max = max;
		this.next = first;
	}

	Duration next() {
		Duration pause = this.next;
		this.next = (pause.compareTo(this.max.dividedBy(2)) > 0) ? this.max : pause.multipliedBy(2);
		return pause;
	}

	void reset() {
		this.next = this.first;
	}

}
