package io.loyaltypulse.support.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Problems for what the servlet container refuses before any controller sees it, by
 * status alone: a malformed request line or header, a URL too long, headers too large.
 */
final class ContainerProblems {

	private ContainerProblems() {
	}

	static ProblemDetail forStatus(int code) {
		HttpStatus status = HttpStatus.resolve(code);
		HttpStatusCode statusCode = (status != null) ? status : HttpStatusCode.valueOf(code);
		String reason = ProblemTypes.reasonFor(statusCode);
		String title = (status != null) ? status.getReasonPhrase() : "Error";
		return ProblemTypes.problem(statusCode, reason, title, detail(code));
	}

	private static String detail(int code) {
		return switch (code) {
			case 400 -> "The request is malformed: its request line, URL or headers break HTTP's syntax or contain "
					+ "characters this API refuses (control characters, an encoded slash or NUL, a path traversal).";
			case 404 -> "No endpoint at this URL.";
			case 405 -> "This endpoint does not take this method.";
			case 413 -> "The request body is larger than this API accepts.";
			case 414 -> "The URL is longer than this API accepts.";
			case 431 -> "The request headers are larger than this API accepts.";
			case 503 -> "The service is not able to answer now; retry shortly.";
			default -> (code >= 500) ? "The request failed on our side." : "The request was refused.";
		};
	}

}
