package io.loyaltypulse.support.problems;

import java.time.Duration;

/**
 * The {@code Retry-After} header of a 503: whole seconds, at least one (RFC 9110 10.2.3),
 * so that a client never retries in a tight loop.
 */
public final class RetryAfter {

	public static final String HEADER = "Retry-After";

	private RetryAfter() {
	}

	public static String seconds(Duration delay) {
		long seconds = (delay.toMillis() + 999) / 1000;
		return Long.toString(Math.max(1, seconds));
	}

}
