package io.loyaltypulse.purchase.ingest;

/**
 * The scopes an API key or a JWT must carry. Authorities are these with Spring Security's
 * {@code SCOPE_} prefix, as the resource server maps a JWT's {@code scope} claim.
 */
public final class Scopes {

	public static final String PURCHASES_WRITE = "purchases:write";

	public static final String INVOICES_WRITE = "invoices:write";

	private Scopes() {
	}

	static String authority(String scope) {
		return "SCOPE_" + scope;
	}

}
