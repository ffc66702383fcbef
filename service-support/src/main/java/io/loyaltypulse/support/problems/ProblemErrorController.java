package io.loyaltypulse.support.problems;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page (what Boot's {@code BasicErrorController} would
 * answer as its own JSON): a problem of the one scheme. Reached for errors raised outside
 * Spring MVC, for example a filter's {@code sendError}. It does not echo the URL or the
 * container's message: either may carry what a caller should not see in a reply or a log.
 */
@RestController
public class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null) {
			// Called directly, not by the container: there is no such endpoint.
			code = HttpStatus.NOT_FOUND.value();
		}
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null || status.value() < 400) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		return ResponseEntity.status(status).body(ContainerProblems.forStatus(status.value()));
	}

}
