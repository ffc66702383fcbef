package io.loyaltypulse.support.security;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import io.loyaltypulse.support.problems.ProblemTypes;
import io.loyaltypulse.support.problems.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;

/**
 * 401, 403 and rejected URLs from the security filters, as the same RFC 9457 problems the
 * controllers answer with: these are written before Spring MVC is reached.
 */
final class SecurityProblems {

	static final String CHALLENGE = "Bearer realm=\"loyalty-pulse\", ApiKey header=\"X-Api-Key\"";

	private SecurityProblems() {
	}

	static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		// Credentials that were sent and refused say why; for none at all, Spring
		// Security's message names its own internals ("...SecurityContext").
		String detail;
		if (ex instanceof BadCredentialsException && ex.getMessage() != null) {
			detail = ex.getMessage();
		}
		else if (ex instanceof OAuth2AuthenticationException) {
			detail = "The access token is not valid (expired, not yet valid, or not issued for this API).";
		}
		else {
			detail = "Send an API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'"
					+ " (or an OAuth2 access token where enabled).";
		}
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
				detail);
		problem.setInstance(instance(request));
		ProblemWriter.write(response, problem);
	}

	static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		Authentication caller = SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication();
		String who = (caller != null) ? "'" + caller.getName() + "'" : "These credentials";
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				who + " may not call this endpoint.");
		problem.setInstance(instance(request));
		requiredScope(ex).ifPresent((scope) -> {
			problem.setDetail(who + " lacks the scope '" + scope + "' that this endpoint needs.");
			problem.setProperty("requiredScope", scope);
		});
		ProblemWriter.write(response, problem);
	}

	/** The request's path, as Spring MVC's problems name it; none when it is no URI. */
	private static URI instance(HttpServletRequest request) {
		try {
			return URI.create(request.getRequestURI());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The scope the endpoint declared ({@link EndpointScopes}), when the denial names it.
	 */
	private static Optional<String> requiredScope(AccessDeniedException ex) {
		if (ex instanceof AuthorizationDeniedException denied
				&& denied.getAuthorizationResult() instanceof AuthorityAuthorizationDecision decision) {
			return decision.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.filter((authority) -> authority.startsWith(Scopes.authority("")))
				.map((authority) -> authority.substring(Scopes.authority("").length()))
				.findFirst();
		}
		return Optional.empty();
	}

	/**
	 * A URL the firewall refuses (an encoded slash, a semicolon, {@code ../}, a control
	 * character): the URL itself is not echoed, it may carry a key.
	 */
	static void rejected(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "malformed", "Malformed URL",
				"The request URL is not accepted: it contains an encoded slash, a semicolon, a path traversal, "
						+ "a control character or another character that no endpoint of this API uses.");
		ProblemWriter.write(response, problem);
	}

}
