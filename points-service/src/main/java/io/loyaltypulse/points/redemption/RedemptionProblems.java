package io.loyaltypulse.points.redemption;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the redemption API as an RFC 9457 problem: the framework's (a missing
 * header, an unreadable body, ...) through {@link ResponseEntityExceptionHandler}, which
 * names the missing header; an invalid body names each invalid field; and a call whose
 * outcome could not be had says what the caller should do next. Scoped to this package so
 * that the other APIs of the service keep their own error handling.
 */
@RestControllerAdvice(basePackageClasses = PointsRequestController.class)
class RedemptionProblems extends ResponseEntityExceptionHandler {

	/** Seconds a caller waits before retrying a call that got no outcome. */
	static final String RETRY_AFTER_SECONDS = "1";

	@ExceptionHandler(OutcomeUnavailableException.class)
	ResponseEntity<ProblemDetail> outcomeUnavailable(OutcomeUnavailableException ex) {
		ProblemDetail problem = ex.maybeApplied() ? outcomeUnknown(ex.getMessage()) : notSent(ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(problem);
	}

	private static ProblemDetail outcomeUnknown(String reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The outcome of this request is unknown (" + reason + "). The request may still be applied. "
						+ "Retry with the same Idempotency-Key to learn its outcome: a retry never applies it twice.");
		problem.setType(URI.create("urn:loyalty-pulse:points:outcome-unknown"));
		problem.setTitle("Outcome unknown");
		return problem;
	}

	private static ProblemDetail notSent(String reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The request was not sent (" + reason + "), so this call applied nothing. "
						+ "Retry with the same Idempotency-Key: a retry never applies it twice.");
		problem.setType(URI.create("urn:loyalty-pulse:points:request-not-sent"));
		problem.setTitle("Request not sent");
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> invalid = ex.getFieldErrors().stream().map(RedemptionProblems::invalidField).toList();
		ProblemDetail problem = ex.getBody();
		problem.setDetail("Invalid request body: " + invalid.stream()
			.map((field) -> field.get("field") + " " + field.get("message"))
			.collect(Collectors.joining(", ")));
		problem.setProperty("invalidFields", invalid);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	private static Map<String, String> invalidField(FieldError error) {
		Map<String, String> field = new LinkedHashMap<>();
		field.put("field", error.getField());
		field.put("message", Objects.toString(error.getDefaultMessage(), "is invalid"));
		return field;
	}

}
