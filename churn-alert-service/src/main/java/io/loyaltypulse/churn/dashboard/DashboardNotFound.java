package io.loyaltypulse.churn.dashboard;

import java.util.List;

import io.loyaltypulse.support.problems.ApiProblemAdvice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
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

	private final DashboardAdvice pages;

	private final ApiProblemAdvice problems;

	DashboardNotFound(DashboardAdvice pages, ApiProblemAdvice problems) {
		this.pages = pages;
		this.problems = problems;
	}

	/** A view name for a dashboard address, the API's problem answer for any other. */
	@ExceptionHandler(NoResourceFoundException.class)
	Object notFound(NoResourceFoundException ex, HttpServletRequest request, HttpServletResponse response, Model model)
			throws Exception {
		if (!request.getRequestURI().startsWith("/dashboard/")) {
			return this.problems.handleException(ex, new ServletWebRequest(request));
		}
		return this.pages.problemPage(404, "Not found", "There is no dashboard page at this address.", List.of(),
				request, response, model);
	}

}
