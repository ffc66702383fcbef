package io.loyaltypulse.support.problems;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request header is missing or unusable: 400 {@code invalid}, naming the header in
 * {@code errors} as a body's field would be ({@code [{"header": "Idempotency-Key",
 * "detail": "..."}]}).
 */
public class InvalidHeaderException extends ApiException {

	private final String header;

	public InvalidHeaderException(String header, String detail) {
		super(HttpStatus.BAD_REQUEST, "invalid", "Invalid request", "The " + header + " header " + detail, null);
		this.header = header;
	}

	@Override
	protected void describe(ProblemDetail problem) {
		problem.setProperty("errors", List.of(Map.of("header", this.header, "detail", getMessage())));
	}

}
