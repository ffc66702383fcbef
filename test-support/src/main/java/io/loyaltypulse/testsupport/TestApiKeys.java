package io.loyaltypulse.testsupport;

/**
 * API keys for tests, with their SHA-256 as a service's configuration holds them
 * ({@code loyalty.security.api-keys[N].sha256}).
 */
public final class TestApiKeys {

	public static final String ALL_SCOPES = "test-key-all-scopes";

	/** printf %s test-key-all-scopes | sha256sum */
	public static final String ALL_SCOPES_SHA256 = "499f7d4897a02df7fd954215229b71cce95b91997d4835ab6d0ff568f96957ac";

	public static final String INVOICES_ONLY = "test-key-invoices-only";

	/** printf %s test-key-invoices-only | sha256sum */
	public static final String INVOICES_ONLY_SHA256 = "e660f25ae77decb351c94c3565892413f0017805efffe05ab166ca45ed6a57ac";

	public static final String POINTS_READ_ONLY = "test-key-points-read";

	/** printf %s test-key-points-read | sha256sum */
	public static final String POINTS_READ_ONLY_SHA256 = "9dbe8bc581bfc7fb581a3e3cb48f5427e8acdc2721dcbd558acb9c7f1db59ebe";

	private TestApiKeys() {
	}

}
