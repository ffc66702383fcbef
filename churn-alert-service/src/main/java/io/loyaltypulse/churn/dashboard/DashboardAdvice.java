package io.loyaltypulse.churn.dashboard;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.churn.api.ManagerActions;
import io.loyaltypulse.support.problems.ApiException;
import io.loyaltypulse.support.problems.RetryAfter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * What goes wrong on a dashboard page is said on the page, in the manager's words: a
 * refused action or a field to correct in the flash area of the page (htmx swaps it
 * there, whatever the status), a page whose data is unavailable as an error page with the
 * reason. The status stays the real one (400, 404, 409, 503). Unexpected failures are
 * left to the service's 500 handling, which logs them.
 */
@ControllerAdvice(basePackageClasses = DashboardAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardAdvice {

	/** The header htmx sends with each of its requests. */
	static final String HTMX_REQUEST = "HX-Request";

	private final DashboardProperties properties;

	DashboardAdvice(DashboardProperties properties) {
		this.properties = properties;
	}

	/** Who is logged in, by the name the pages show, for every page's header. */
	@ModelAttribute("manager")
	String manager(Principal principal) {
		return (principal != null) ? this.properties.displayName(principal.getName()) : "";
	}

	@ExceptionHandler(ApiException.class)
	String refusedRequest(ApiException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		ex.retryAfter().ifPresent((delay) -> response.setHeader(RetryAfter.HEADER, RetryAfter.seconds(delay)));
		ProblemDetail problem = ex.toProblem();
		return problemPage(ex.status().value(), problem.getTitle(), problem.getDetail(), fields(problem), request,
				response, model);
	}

	@ExceptionHandler(ActionRefusedException.class)
	String refusedAction(ActionRefusedException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		int status = ManagerActions.httpStatus(ex.outcome()).value();
		return problemPage(status, "Not done", ex.getMessage(), List.of(), request, response, model);
	}

	@ExceptionHandler(DashboardDataException.class)
	String unavailableData(DashboardDataException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		String title = switch (ex.status()) {
			case 400 -> "Please check the filters";
			case 403 -> "The dashboard's key lacks a scope";
			case 404 -> "Not found";
			default -> "The data of this page is not available";
		};
		return problemPage(ex.status(), title, ex.getMessage(), List.of(), request, response, model);
	}

	@ExceptionHandler({ TypeMismatchException.class, ServletRequestBindingException.class })
	String badParameter(Exception ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		String detail = switch (ex) {
			case TypeMismatchException mismatch when mismatch.getPropertyName() != null ->
				mismatch.getPropertyName() + ": not a valid value";
			case MissingServletRequestParameterException missing -> missing.getParameterName() + ": is required";
			default -> "the form was not complete";
		};
		return problemPage(400, "Please check the form", detail, List.of(), request, response, model);
	}

	/**
	 * A form's value that does not bind ({@code page=abc} on the inbox), named as the
	 * form names it.
	 */
	@ExceptionHandler(BindException.class)
	String unboundForm(BindException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
		List<String> fields = ex.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + ": "
					+ (error.isBindingFailure() ? "not a valid value" : error.getDefaultMessage()))
			.toList();
		return problemPage(400, "Please check the form", null, fields, request, response, model);
	}

	/**
	 * A parameter against its rule, named as the page's form names it (not as Java does).
	 */
	@ExceptionHandler(ConstraintViolationException.class)
	String invalidParameter(ConstraintViolationException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		List<String> fields = ex.getConstraintViolations().stream().map((violation) -> {
			String path = violation.getPropertyPath().toString();
			return path.substring(path.lastIndexOf('.') + 1) + ": " + violation.getMessage();
		}).toList();
		return problemPage(400, "Please check the form", null, fields, request, response, model);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	String invalidParameter(HandlerMethodValidationException ex, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		List<String> fields = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> result.getMethodParameter().getParameterName() + ": " + error.getDefaultMessage()))
			.toList();
		return problemPage(400, "Please check the form", null, fields, request, response, model);
	}

	/**
	 * The error page (or, for htmx, the fragment it swaps into the flash area) with the
	 * real status. Exception handlers get no model attributes, so the header's manager is
	 * set here.
	 */
	String problemPage(int status, String title, String detail, List<String> fields, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		response.setStatus(status);
		model.addAttribute("manager", manager(request.getUserPrincipal()));
		model.addAttribute("problemTitle", title);
		model.addAttribute("problemDetail", detail);
		model.addAttribute("problemFields", fields);
		model.addAttribute("status", status);
		if (request.getHeader(HTMX_REQUEST) != null) {
			response.setHeader("HX-Retarget", "#flash");
			response.setHeader("HX-Reswap", "innerHTML");
			return "dashboard/fragments :: problem";
		}
		return "dashboard/error";
	}

	/** {@code until: must be in the future} for each field the problem names. */
	@SuppressWarnings("unchecked")
	private static List<String> fields(ProblemDetail problem) {
		List<String> fields = new ArrayList<>();
		Map<String, Object> properties = problem.getProperties();
		if (properties != null && properties.get("errors") instanceof List<?> errors) {
			for (Object error : errors) {
				if (error instanceof Map<?, ?> entry) {
					Map<String, Object> named = (Map<String, Object>) entry;
					Object where = named.getOrDefault("pointer", named.getOrDefault("parameter", named.get("header")));
					String field = (where != null) ? where.toString().replaceFirst("^/", "") : "request";
					fields.add(field + ": " + named.get("detail"));
				}
			}
		}
		return fields;
	}

}
