package io.loyaltypulse.support.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpMethod;

/**
 * A service's declaration of the scope each endpoint needs, as one bean. Endpoints not
 * declared still need credentials (any valid key or token); only health, info and
 * prometheus are open.
 *
 * <pre>
 * &#64;Bean
 * EndpointScopes pointsEndpoints() {
 *     return EndpointScopes.builder()
 *         .require(HttpMethod.GET, "/api/v1/customers/{customerId}/points/**", Scopes.POINTS_READ)
 *         .require(HttpMethod.POST, "/api/v1/customers/{customerId}/redemptions", Scopes.POINTS_REDEEM)
 *         .build();
 * }
 * </pre>
 */
public final class EndpointScopes {

	private final List<Rule> rules;

	private EndpointScopes(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	public static Builder builder() {
		return new Builder();
	}

	public List<Rule> rules() {
		return this.rules;
	}

	/**
	 * "METHOD /path pattern" to the scope it requires (null where any authenticated
	 * caller may call), as an OpenAPI document names them.
	 */
	public Map<String, String> scopeByOperation() {
		Map<String, String> scopes = new HashMap<>();
		this.rules.forEach((rule) -> scopes.put(rule.method().name() + " " + rule.pattern(), rule.scope()));
		return scopes;
	}

	/**
	 * @param method the HTTP method
	 * @param pattern a Spring path pattern
	 * @param scope the scope required, or null when any authenticated caller may call it
	 * (the endpoint checks finer, for example per batch item)
	 */
	public record Rule(HttpMethod method, String pattern, String scope) {
	}

	public static final class Builder {

		private final List<Rule> rules = new ArrayList<>();

		private Builder() {
		}

		public Builder require(HttpMethod method, String pattern, String scope) {
			this.rules.add(new Rule(method, pattern, scope));
			return this;
		}

		/** Any authenticated caller; the endpoint checks the scope of what it is sent. */
		public Builder authenticated(HttpMethod method, String pattern) {
			this.rules.add(new Rule(method, pattern, null));
			return this;
		}

		public EndpointScopes build() {
			return new EndpointScopes(this.rules);
		}

	}

}
