package io.loyaltypulse.purchase.auth;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.loyaltypulse.purchase.web.IngestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * 401 and 403 from the security filters, as the same RFC 9457 problems the controllers
 * answer with: these are written before Spring MVC is reached.
 */
final class ProblemResponses {

	static final String CHALLENGE = "Bearer realm=\"loyalty-pulse\", ApiKey header=\"X-Api-Key\"";

	private final JsonMapper json = JsonMapper.builder().build();

	void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		String detail = (ex.getMessage() != null && !ex.getMessage().startsWith("Full authentication"))
				? ex.getMessage() : "Send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'"
						+ " (or an OAuth2 access token where enabled).";
		write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required", detail);
	}

	void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"These credentials may not call " + request.getRequestURI());
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String reason,
			String title, String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", IngestException.PROBLEM_BASE + reason);
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
