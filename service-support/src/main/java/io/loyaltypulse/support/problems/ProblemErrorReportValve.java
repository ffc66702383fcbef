package io.loyaltypulse.support.problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report for requests it refuses before a servlet is reached (an invalid
 * character in the request target or a header, {@code %00}, an encoded slash, a URL or
 * headers too long): a problem instead of Tomcat's HTML page, and nothing of the request
 * echoed.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.resetBuffer();
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			byte[] body = ProblemWriter.toBytes(ContainerProblems.forStatus(status));
			response.getOutputStream().write(body);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is gone or the response committed meanwhile: nothing to add.
		}
	}

}
