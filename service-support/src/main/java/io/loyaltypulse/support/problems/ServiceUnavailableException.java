package io.loyaltypulse.support.problems;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A dependency (Kafka, the schema registry, the owner of a customer's state) cannot serve
 * the request now: 503 with {@code Retry-After}; retrying the same request later is safe.
 */
public class ServiceUnavailableException extends ApiException {

	private final String dependency;

	private final Duration retryAfter;

	/**
	 * @param reason the problem type's last segment, e.g. {@code unavailable}
	 * @param title short summary
	 * @param dependency what is unavailable, shown as the {@code unavailable} member
	 * @param detail what happened and what the caller should do
	 * @param retryAfter the advised pause
	 */
	public ServiceUnavailableException(String reason, String title, String dependency, String detail,
			Duration retryAfter, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, reason, title, detail, cause);
		this.dependency = dependency;
		this.retryAfter = retryAfter;
	}

	@Override
	public Optional<Duration> retryAfter() {
		return Optional.of(this.retryAfter);
	}

	@Override
	protected void describe(ProblemDetail problem) {
		problem.setProperty("unavailable", this.dependency);
	}

	/** The innermost cause's class and message, for a detail that says what failed. */
	public static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ((root.getMessage() != null) ? ": " + root.getMessage() : "");
	}

}
