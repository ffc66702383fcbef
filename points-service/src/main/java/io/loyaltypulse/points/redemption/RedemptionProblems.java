package io.loyaltypulse.points.redemption;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A redemption or adjustment whose outcome could not be had, as an RFC 9457 problem that
 * says what the caller should do next. The framework's errors (a missing header, an
 * invalid body) are the service-wide {@code web.ApiProblems}.
 */
@RestControllerAdvice(basePackageClasses = PointsRequestController.class)
class RedemptionProblems {

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

}
