package io.loyaltypulse.support.problems;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Why a request (or one item of a batch) was not served, as an RFC 9457 problem: the
 * status, a stable reason (the last segment of the problem type, and the {@code reason}
 * tag of rejection metrics), a title and the detail. The {@link ApiProblemAdvice} answers
 * it; a subclass adds extension members ({@link #describe}) or a {@code Retry-After}.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String reason;

	private final String title;

	public ApiException(HttpStatus status, String reason, String title, String detail, Throwable cause) {
		super(detail, cause);
		this.status = status;
		this.reason = reason;
		this.title = title;
	}

	/**
	 * 400 {@code malformed}: the request is not what the endpoint reads (body, header).
	 */
	public static ApiException malformed(String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, "malformed", "Malformed request", detail, null);
	}

	public final HttpStatus status() {
		return this.status;
	}

	/** A short, stable reason, for example {@code invalid} or {@code unavailable}. */
	public final String reason() {
		return this.reason;
	}

	public final String title() {
		return this.title;
	}

	/** When the caller should try again; present for a 503. */
	public Optional<Duration> retryAfter() {
		return Optional.empty();
	}

	/** The problem, with this exception's extension members. */
	public ProblemDetail toProblem() {
		ProblemDetail problem = ProblemTypes.problem(this.status, this.reason, this.title, getMessage());
		describe(problem);
		return problem;
	}

	/** Adds extension members, for example the list of offending fields. */
	protected void describe(ProblemDetail problem) {
	}

}
