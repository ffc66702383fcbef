package io.loyaltypulse.schemas.registry;

import java.time.Duration;

/**
 * Exponential backoff for requests that failed on the way or on the registry's side:
 * wait, double the wait up to a cap, give up after {@code maxRetries} further attempts.
 */
public record RetryPolicy(int maxRetries, Duration initialWait, Duration maxWait) {

	/**
	 * For a loop that waits for Kafka or the registry to come back: 1 s, doubling up to
	 * 30 s, never giving up.
	 */
	public static final RetryPolicy UNTIL_BACK = new RetryPolicy(Integer.MAX_VALUE, Duration.ofSeconds(1),
			Duration.ofSeconds(30));

	public RetryPolicy {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("max.retries must not be negative");
		}
	}

	/** The wait before retry number {@code retry} (1 for the first retry). */
	public Duration waitBefore(int retry) {
		long millis = this.initialWait.toMillis() << Math.min(retry - 1, 30);
		return Duration.ofMillis(Math.min(Math.max(millis, 0), this.maxWait.toMillis()));
	}

}
