package io.loyaltypulse.support.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The body is larger than this endpoint accepts: 413. */
public class RequestTooLargeException extends ApiException {

	private final long limit;

	/** {@code size} is the declared Content-Length, or -1 when the body was streamed. */
	public RequestTooLargeException(long size, long limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request body too large",
				((size >= 0) ? "The request body has " + size + " bytes" : "The request body exceeds the limit")
						+ "; this endpoint accepts at most " + limit + " bytes.",
				null);
		this.limit = limit;
	}

	@Override
	protected void describe(ProblemDetail problem) {
		problem.setProperty("maxBytes", this.limit);
	}

}
