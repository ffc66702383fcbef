package io.loyaltypulse.support.problems;

import org.springframework.http.HttpStatus;

/**
 * A problem fully described by its status, reason, title and detail, for the many
 * failures that need no extension member of their own.
 */
public class SimpleApiException extends ApiException {

	private final HttpStatus status;

	private final String reason;

	private final String title;

	public SimpleApiException(HttpStatus status, String reason, String title, String detail) {
		super(detail, null);
		this.status = status;
		this.reason = reason;
		this.title = title;
	}

	/**
	 * 400 {@code malformed}: the request is not what the endpoint reads (body, header).
	 */
	public static SimpleApiException malformed(String detail) {
		return new SimpleApiException(HttpStatus.BAD_REQUEST, "malformed", "Malformed request", detail);
	}

	@Override
	public HttpStatus status() {
		return this.status;
	}

	@Override
	public String reason() {
		return this.reason;
	}

	@Override
	public String title() {
		return this.title;
	}

}
