package io.loyaltypulse.churn.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks: signature = "v1," + base64(HMAC-SHA256(key, id + "." + timestamp +
 * "." + body)) for each valid secret, space-separated.
 */
public final class WebhookSigner {

	private WebhookSigner() {
	}

	/** The {@code webhook-signature} header for these secrets, newest first. */
	public static String signature(String webhookId, long timestampSeconds, String body, List<String> secrets) {
		if (secrets.isEmpty()) {
			throw new IllegalArgumentException("a webhook needs at least one secret to be signed");
		}
		String content = webhookId + "." + timestampSeconds + "." + body;
		return secrets.stream().map((secret) -> "v1," + hmac(secret, content)).collect(Collectors.joining(" "));
	}

	private static String hmac(String secret, String content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(WebhookSecrets.key(secret), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
