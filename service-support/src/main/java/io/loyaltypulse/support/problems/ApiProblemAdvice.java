package io.loyaltypulse.support.problems;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of every service's HTTP API as an RFC 9457 problem of the one type scheme
 * ({@link ProblemTypes}): the services' own failures ({@link ApiException}, with
 * {@code Retry-After} when they have one), and the framework's (bad body, wrong parameter
 * type, missing header, 404, 405, 406, 413, 415, constraint violations), each naming the
 * offending field, parameter or header. An unexpected exception is a 500 that says
 * nothing of the internals; it is logged with its stack trace.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemAdvice.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ProblemDetail> apiException(ApiException ex) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status());
		ex.retryAfter().ifPresent((delay) -> response.header(RetryAfter.HEADER, RetryAfter.seconds(delay)));
		return response.body(ex.toProblem());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<Map<String, String>> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> entry("parameter", lastNode(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.toList();
		return ResponseEntity.badRequest().body(invalidProblem(errors));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected failure while serving a request", ex);
		return ResponseEntity.internalServerError()
			.body(ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR, "server-error", "Internal error",
					"The request failed on our side; it has been logged. Retrying may not help."));
	}

	@Override
	protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException missing) {
			return problemEntity(new InvalidHeaderException(missing.getHeaderName(), "is required").toProblem(),
					headers);
		}
		return super.handleServletRequestBindingException(ex, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "malformed", "Malformed request body",
				"The request body is missing or is not the JSON object this endpoint reads.");
		return problemEntity(problem, headers);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = Objects.toString(ex.getPropertyName(), "parameter");
		return problemEntity(invalidProblem(List.of(entry("parameter", name, expectation(ex.getRequiredType())))),
				headers);
	}

	/** "must be one of A, B" for an enum, else "must be a number" and the like. */
	private static String expectation(Class<?> type) {
		if (type != null && type.isEnum()) {
			return "must be one of "
					+ Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
		}
		String expected = (type != null) ? type.getSimpleName().toLowerCase() : "value";
		return "must be " + article(expected) + " " + expected;
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> entry("parameter",
						Objects.toString(result.getMethodParameter().getParameterName(), "parameter"),
						Objects.toString(error.getDefaultMessage(), "is invalid"))))
			.toList();
		return problemEntity(invalidProblem(errors), headers);
	}

	/**
	 * The framework's own problems keep their status, and get this API's type, and a
	 * detail in the caller's terms where the framework's names its internals (a "static
	 * resource", a null content type).
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Some handlers pass no body: the exception carries it.
		Object problemBody = (body == null && ex instanceof ErrorResponse response) ? response.getBody() : body;
		if (problemBody instanceof ProblemDetail problem) {
			if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
				problem.setType(ProblemTypes.type(ProblemTypes.reasonFor(statusCode)));
			}
			callersTerms(ex).ifPresent(problem::setDetail);
		}
		return super.handleExceptionInternal(ex, problemBody, headers, statusCode, request);
	}

	private static Optional<String> callersTerms(Exception ex) {
		if (ex instanceof NoResourceFoundException) {
			return Optional.of("No endpoint at this URL.");
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return Optional.of("Send the body as application/json, with that Content-Type.");
		}
		return Optional.empty();
	}

	private ResponseEntity<Object> problemEntity(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
	}

	/** The same shape as {@code ValidationFailedException}'s: {@code errors[]}. */
	private static ProblemDetail invalidProblem(List<Map<String, String>> errors) {
		String detail = errors.stream()
			.map((error) -> error.values().stream().collect(Collectors.joining(" ")))
			.collect(Collectors.joining("; "));
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "invalid", "Invalid request", detail);
		problem.setProperty("errors", errors);
		return problem;
	}

	private static Map<String, String> entry(String kind, String name, String detail) {
		Map<String, String> entry = new LinkedHashMap<>();
		entry.put(kind, name);
		entry.put("detail", detail);
		return entry;
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return (dot >= 0) ? path.substring(dot + 1) : path;
	}

	private static String article(String noun) {
		return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
	}

}
