package io.loyaltypulse.points.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every framework error of the service's HTTP API as an RFC 9457 problem (a missing
 * header, an unreadable body, a parameter that is not a number, ...), through
 * {@link ResponseEntityExceptionHandler}; an invalid body names each invalid field
 * ({@code invalidFields}), a query parameter out of range names the parameter
 * ({@code invalidParameters}). The APIs' own failures (no outcome, state not queryable)
 * are handled next to their controllers.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> invalid = ex.getFieldErrors()
			.stream()
			.map((error) -> invalid("field", error.getField(), error))
			.toList();
		describe(ex.getBody(), "Invalid request body", "field", "invalidFields", invalid);
		return handleExceptionInternal(ex, ex.getBody(), headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> invalid = ex.getParameterValidationResults()
			.stream()
			.flatMap(ApiProblems::invalidParameters)
			.toList();
		describe(ex.getBody(), "Invalid request parameters", "parameter", "invalidParameters", invalid);
		return handleExceptionInternal(ex, ex.getBody(), headers, status, request);
	}

	/** Names every invalid entry in the detail and lists them under {@code property}. */
	private static void describe(ProblemDetail problem, String what, String name, String property,
			List<Map<String, String>> invalid) {
		problem.setDetail(what + ": "
				+ invalid.stream()
					.map((entry) -> entry.get(name) + " " + entry.get("message"))
					.collect(Collectors.joining(", ")));
		problem.setProperty(property, invalid);
	}

	private static Stream<Map<String, String>> invalidParameters(ParameterValidationResult result) {
		String parameter = Objects.toString(result.getMethodParameter().getParameterName(), "parameter");
		return result.getResolvableErrors().stream().map((error) -> invalid("parameter", parameter, error));
	}

	private static Map<String, String> invalid(String name, String value, MessageSourceResolvable error) {
		Map<String, String> entry = new LinkedHashMap<>();
		entry.put(name, value);
		entry.put("message", Objects.toString(error.getDefaultMessage(), "is invalid"));
		return entry;
	}

}
