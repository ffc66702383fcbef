package io.loyaltypulse.churn.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/** A secret is {@code whsec_} + base64 of 24 random bytes; its key is those bytes. */
public final class WebhookSecrets {

	public static final String PREFIX = "whsec_";

	static final int RANDOM_BYTES = 24;

	private WebhookSecrets() {
	}

	/** A new secret from the given source of randomness. */
	public static String generate(SecureRandom random) {
		byte[] bytes = new byte[RANDOM_BYTES];
		random.nextBytes(bytes);
		return PREFIX + Base64.getEncoder().encodeToString(bytes);
	}

	/** The HMAC key of a secret: its base64 part decoded. */
	public static byte[] key(String secret) {
		String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
		return Base64.getDecoder().decode(encoded);
	}

	/** Whether a configured secret is usable: prefixed, base64 of at least 24 bytes. */
	public static boolean isValid(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return false;
		}
		try {
			return key(secret).length >= RANDOM_BYTES;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
