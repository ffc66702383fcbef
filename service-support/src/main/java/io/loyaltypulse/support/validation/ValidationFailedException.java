package io.loyaltypulse.support.validation;

import java.util.List;
import java.util.Map;

import io.loyaltypulse.support.problems.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A request was refused; carries every violation found, not only the first, as the
 * problem's {@code errors} member: {@code [{"pointer": "/lines/0/quantity", "detail":
 * "must be greater than 0"}]}.
 */
public class ValidationFailedException extends ApiException {

	private final List<Violation> violations;

	public ValidationFailedException(List<Violation> violations) {
		super(HttpStatus.BAD_REQUEST, "invalid", "Invalid request", summary(violations), null);
		this.violations = List.copyOf(violations);
	}

	private static String summary(List<Violation> violations) {
		Violation first = violations.getFirst();
		String where = first.pointer().isEmpty() ? "the body" : first.pointer();
		return (violations.size() == 1) ? where + " " + first.detail()
				: violations.size() + " fields are invalid, first " + where + " " + first.detail() + "; see errors";
	}

	public List<Violation> violations() {
		return this.violations;
	}

	@Override
	protected void describe(ProblemDetail problem) {
		problem.setProperty("errors",
				this.violations.stream()
					.map((violation) -> Map.of("pointer", violation.pointer(), "detail", violation.detail()))
					.toList());
	}

}
