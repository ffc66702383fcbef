package io.loyaltypulse.support.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The body is larger than this endpoint accepts: 413. */
public class RequestTooLargeException extends ApiException {

	private final long limit;

	/** {@code size} is the declared Content-Length, or -1 when the body was streamed. */
	public RequestTooLargeException(long size, long limit) {
		super(((size >= 0) ? "The request body has " + size + " bytes" : "The request body exceeds the limit")
				+ "; this endpoint accepts at most " + limit + " bytes.", null);
		this.limit = limit;
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONTENT_TOO_LARGE;
	}

	@Override
	public String reason() {
		return "too-large";
	}

	@Override
	public String title() {
		return "Request body too large";
	}

	@Override
	protected void describe(ProblemDetail problem) {
		problem.setProperty("maxBytes", this.limit);
	}

}
