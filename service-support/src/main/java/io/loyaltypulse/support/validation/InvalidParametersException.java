package io.loyaltypulse.support.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.support.problems.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Query parameters were refused, each named: 400 {@code invalid} with {@code errors:
 * [{"parameter": "from", "detail": "..."}]}, the shape Spring MVC's own parameter
 * problems get (service-support's advice), for checks that span parameters (from before
 * to, a window or a period).
 */
public class InvalidParametersException extends ApiException {

	private final Map<String, String> violations;

	/**
	 * @param violations what is wrong with each parameter, in the order found
	 */
	public InvalidParametersException(Map<String, String> violations) {
		super(HttpStatus.BAD_REQUEST, "invalid", "Invalid request", summary(violations), null);
		this.violations = new LinkedHashMap<>(violations);
	}

	private static String summary(Map<String, String> violations) {
		return String.join("; ",
				violations.entrySet().stream().map((entry) -> entry.getKey() + " " + entry.getValue()).toList());
	}

	public Map<String, String> violations() {
		return Map.copyOf(this.violations);
	}

	@Override
	protected void describe(ProblemDetail problem) {
		List<Map<String, String>> errors = this.violations.entrySet().stream().map((entry) -> {
			Map<String, String> error = new LinkedHashMap<>();
			error.put("parameter", entry.getKey());
			error.put("detail", entry.getValue());
			return error;
		}).toList();
		problem.setProperty("errors", errors);
	}

}
