package io.loyaltypulse.points.query;

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
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the query API as an RFC 9457 problem: the framework's (a parameter that
 * is not a number, ...) through {@link ResponseEntityExceptionHandler}, and a parameter
 * out of range names the parameter and its bounds. Scoped to this package so that the
 * other APIs of the service keep their own error handling.
 */
@RestControllerAdvice(basePackageClasses = PointsQueryController.class)
class QueryProblems extends ResponseEntityExceptionHandler {

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> invalid = ex.getParameterValidationResults()
			.stream()
			.flatMap(QueryProblems::invalidParameters)
			.toList();
		ProblemDetail problem = ex.getBody();
		problem.setDetail("Invalid request parameters: " + invalid.stream()
			.map((parameter) -> parameter.get("parameter") + " " + parameter.get("message"))
			.collect(Collectors.joining(", ")));
		problem.setProperty("invalidParameters", invalid);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	private static Stream<Map<String, String>> invalidParameters(ParameterValidationResult result) {
		String name = Objects.toString(result.getMethodParameter().getParameterName(), "parameter");
		return result.getResolvableErrors().stream().map((error) -> invalidParameter(name, error));
	}

	private static Map<String, String> invalidParameter(String name, MessageSourceResolvable error) {
		Map<String, String> parameter = new LinkedHashMap<>();
		parameter.put("parameter", name);
		parameter.put("message", Objects.toString(error.getDefaultMessage(), "is invalid"));
		return parameter;
	}

}
