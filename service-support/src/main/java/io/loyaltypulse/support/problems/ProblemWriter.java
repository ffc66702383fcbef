package io.loyaltypulse.support.problems;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a problem where Spring MVC's message converters are not at hand: in a servlet
 * filter (401, 403, a rejected URL) or in the container's error handling.
 */
public final class ProblemWriter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemWriter() {
	}

	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(toBytes(problem));
		response.flushBuffer();
	}

	public static byte[] toBytes(ProblemDetail problem) {
		return JSON.writeValueAsBytes(ProblemTypes.toJson(problem));
	}

}
