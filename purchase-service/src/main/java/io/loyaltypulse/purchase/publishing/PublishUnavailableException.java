package io.loyaltypulse.purchase.publishing;

import java.time.Duration;

import io.loyaltypulse.purchase.web.IngestException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Kafka or the schema registry did not acknowledge in time: 503 with Retry-After. The
 * event may or may not have been written, so the caller retries with the same event id
 * and consumers drop the duplicate.
 */
public class PublishUnavailableException extends IngestException {

	private final String dependency;

	private final Duration retryAfter;

	PublishUnavailableException(String dependency, Duration retryAfter, Throwable cause) {
		super(dependency + " did not acknowledge the event in time (" + rootMessage(cause) + "). Retry after "
				+ retryAfter.toSeconds() + " s with the same eventId.", cause);
		this.dependency = dependency;
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.SERVICE_UNAVAILABLE;
	}

	@Override
	public String reason() {
		return "unavailable";
	}

	@Override
	public String title() {
		return "Event store temporarily unavailable";
	}

	@Override
	protected void describe(ProblemDetail problem) {
		problem.setProperty("unavailable", this.dependency);
	}

	static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

}
