package io.loyaltypulse.purchase.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Why a request (or one item of a batch) was not accepted, as an RFC 9457 problem: the
 * status, a stable problem type per reason, and the reason as a metric tag.
 */
public abstract class IngestException extends RuntimeException {

	/** Problem types are URIs under this base, one per reason. */
	public static final String PROBLEM_BASE = "https://loyaltypulse.io/problems/";

	protected IngestException(String message, Throwable cause) {
		super(message, cause);
	}

	public abstract HttpStatus status();

	/**
	 * A short, stable reason: the last segment of the problem type and the {@code reason}
	 * tag of the rejection metric.
	 */
	public abstract String reason();

	public abstract String title();

	/** The problem, with this exception's extension members. */
	public ProblemDetail toProblem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(), getMessage());
		problem.setType(java.net.URI.create(PROBLEM_BASE + reason()));
		problem.setTitle(title());
		describe(problem);
		return problem;
	}

	/** Adds extension members, for example the list of offending fields. */
	protected void describe(ProblemDetail problem) {
	}

}
