package io.loyaltypulse.support.problems;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Why a request (or one item of a batch) was not served, as an RFC 9457 problem: the
 * status, a stable reason (the last segment of the problem type, and the {@code reason}
 * tag of rejection metrics) and a title. Every service's own failures extend it; the
 * {@link ApiProblemAdvice} answers them.
 */
public abstract class ApiException extends RuntimeException {

	protected ApiException(String message, Throwable cause) {
		super(message, cause);
	}

	public abstract HttpStatus status();

	/** A short, stable reason, for example {@code invalid} or {@code unavailable}. */
	public abstract String reason();

	public abstract String title();

	/** When the caller should try again; present for a 503. */
	public Optional<Duration> retryAfter() {
		return Optional.empty();
	}

	/** The problem, with this exception's extension members. */
	public ProblemDetail toProblem() {
		ProblemDetail problem = ProblemTypes.problem(status(), reason(), title(), getMessage());
		describe(problem);
		return problem;
	}

	/** Adds extension members, for example the list of offending fields. */
	protected void describe(ProblemDetail problem) {
	}

}
