package io.loyaltypulse.support.publishing;

import java.time.Duration;

import io.loyaltypulse.support.problems.ServiceUnavailableException;

/**
 * Kafka or the schema registry did not acknowledge in time: 503 with Retry-After. The
 * event may or may not have been written, so the caller retries with the same event id
 * and consumers drop the duplicate.
 */
public class PublishUnavailableException extends ServiceUnavailableException {

	PublishUnavailableException(String dependency, Duration retryAfter, Throwable cause) {
		super("unavailable", "Event store temporarily unavailable", dependency,
				dependency + " did not acknowledge the event in time (" + rootMessage(cause) + "). Retry after "
						+ retryAfter.toSeconds() + " s with the same eventId.",
				retryAfter, cause);
	}

}
