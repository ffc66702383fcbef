package io.loyaltypulse.churn.dashboard;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.support.problems.ApiProblemAdvice;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address under {@code /dashboard} that is no page (a mistyped or outdated link) is a
 * page saying so, with the way back, not the API's problem document. No controller
 * handles such an address, so the dashboard's own advice never sees it: this one sees
 * every unknown address and hands the others to the API's problem answer unchanged.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardNotFound {

	private final ApiProblemAdvice problems;

	DashboardNotFound(ApiProblemAdvice problems) {
		this.problems = problems;
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object notFound(NoResourceFoundException ex, HttpServletRequest request, Principal principal) throws Exception {
		if (!request.getRequestURI().startsWith("/dashboard/")) {
			return this.problems.handleException(ex, new ServletWebRequest(request));
		}
		return new ModelAndView("dashboard/error",
				Map.of("problemTitle", "Not found", "problemDetail", "There is no dashboard page at this address.",
						"problemFields", List.of(), "status", 404, "manager",
						(principal != null) ? principal.getName() : ""),
				HttpStatus.NOT_FOUND);
	}

}
