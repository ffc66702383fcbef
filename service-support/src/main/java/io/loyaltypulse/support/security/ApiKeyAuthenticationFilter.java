package io.loyaltypulse.support.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a platform by the API key in {@code X-Api-Key} or
 * {@code Authorization: Bearer <key>}. A key that matches no configured hash is refused
 * with 401 at once; only when JWTs are enabled is a bearer token that looks like a JWT
 * left to the resource server.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	static final String API_KEY_HEADER = "X-Api-Key";

	private static final String BEARER = "bearer ";

	private final ApiKeys keys;

	private final boolean jwtEnabled;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	ApiKeyAuthenticationFilter(ApiKeys keys, boolean jwtEnabled) {
		this.keys = keys;
		this.jwtEnabled = jwtEnabled;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String headerKey = request.getHeader(API_KEY_HEADER);
		String bearer = bearerToken(request);
		String presented = (headerKey != null) ? headerKey.strip() : bearer;
		if (presented == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiKeyAuthentication> authentication = this.keys.authenticate(presented);
		if (authentication.isPresent()) {
			SecurityContext context = this.contexts.createEmptyContext();
			context.setAuthentication(authentication.get());
			this.contexts.setContext(context);
			chain.doFilter(request, response);
			return;
		}
		if (headerKey == null && this.jwtEnabled && looksLikeJwt(bearer)) {
			chain.doFilter(request, response);
			return;
		}
		SecurityProblems.unauthorized(request, response,
				new BadCredentialsException("The API key is not valid (or has been revoked)."));
	}

	static String bearerToken(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || authorization.length() <= BEARER.length()
				|| !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return null;
		}
		return authorization.substring(BEARER.length()).strip();
	}

	/** Header.payload.signature: API keys are opaque strings without two dots. */
	static boolean looksLikeJwt(String token) {
		return token != null && token.chars().filter((c) -> c == '.').count() == 2;
	}

}
