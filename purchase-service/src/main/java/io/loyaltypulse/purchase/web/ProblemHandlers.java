package io.loyaltypulse.purchase.web;

import io.loyaltypulse.purchase.publishing.PublishUnavailableException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem: this service's own through
 * {@link IngestException#toProblem()}, Spring MVC's (405, 406, 415, ...) through
 * {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice
class ProblemHandlers extends ResponseEntityExceptionHandler {

	@ExceptionHandler(IngestException.class)
	ResponseEntity<ProblemDetail> ingestFailed(IngestException ex) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status());
		if (ex instanceof PublishUnavailableException unavailable) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(unavailable.retryAfter().toSeconds()));
		}
		return response.body(ex.toProblem());
	}

}
