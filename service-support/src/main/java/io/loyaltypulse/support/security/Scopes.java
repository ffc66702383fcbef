package io.loyaltypulse.support.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The scopes of DESIGN.md ("One face for every service") that an API key or a JWT
 * carries. Authorities are these with Spring Security's {@code SCOPE_} prefix, as the
 * resource server maps a JWT's {@code scope} claim.
 */
public final class Scopes {

	public static final String PURCHASES_WRITE = "purchases:write";

	public static final String INVOICES_WRITE = "invoices:write";

	public static final String SURVEYS_WRITE = "surveys:write";

	public static final String COMPLAINTS_WRITE = "complaints:write";

	public static final String POINTS_READ = "points:read";

	public static final String POINTS_REDEEM = "points:redeem";

	public static final String POINTS_ADMIN = "points:admin";

	public static final String NPS_READ = "nps:read";

	public static final String ALERTS_READ = "alerts:read";

	public static final String ALERTS_WRITE = "alerts:write";

	public static final String WEBHOOKS_ADMIN = "webhooks:admin";

	private Scopes() {
	}

	public static String authority(String scope) {
		return "SCOPE_" + scope;
	}

	public static boolean has(Authentication caller, String scope) {
		String authority = authority(scope);
		for (GrantedAuthority granted : caller.getAuthorities()) {
			if (authority.equals(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * For a check finer than an endpoint (one item of a batch): throws 403 naming the
	 * missing scope.
	 */
	public static void require(Authentication caller, String scope, String what) {
		if (!has(caller, scope)) {
			throw new MissingScopeException(caller.getName(), what, scope);
		}
	}

}
