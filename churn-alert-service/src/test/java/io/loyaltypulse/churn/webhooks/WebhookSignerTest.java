package io.loyaltypulse.churn.webhooks;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Our signatures, verified by the independent Standard Webhooks library
 * (com.standardwebhooks:standardwebhooks), and our secrets.
 */
class WebhookSignerTest {

	static final SecureRandom random = new SecureRandom();

	@Test
	void shouldSignSoThatTheStandardWebhooksLibraryVerifies() throws Exception {
		String secret = WebhookSecrets.generate(random);
		String body = "{\"type\":\"churn-alert.raised\",\"data\":{\"explanation\":\"caf\u00e9 \u2013 9 days\"}}";
		long timestamp = Instant.now().getEpochSecond();

		String signature = WebhookSigner.signature("msg_1", timestamp, body, List.of(secret));

		assertThat(signature).startsWith("v1,");
		assertThatNoException()
			.isThrownBy(() -> new Webhook(secret).verify(body, headers("msg_1", timestamp, signature)));
		assertThat(new Webhook(secret).sign("msg_1", timestamp, body)).isEqualTo(signature);
	}

	@Test
	void shouldSignWithBothSecretsDuringARotationSoEitherVerifies() throws Exception {
		String current = WebhookSecrets.generate(random);
		String previous = WebhookSecrets.generate(random);
		String body = "{}";
		long timestamp = Instant.now().getEpochSecond();

		String signature = WebhookSigner.signature("msg_2", timestamp, body, List.of(current, previous));

		assertThat(signature.split(" ")).hasSize(2);
		assertThatNoException()
			.isThrownBy(() -> new Webhook(current).verify(body, headers("msg_2", timestamp, signature)));
		assertThatNoException()
			.isThrownBy(() -> new Webhook(previous).verify(body, headers("msg_2", timestamp, signature)));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> new Webhook(WebhookSecrets.generate(random)).verify(body,
					headers("msg_2", timestamp, signature)));
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> new Webhook(current).verify("{ }", headers("msg_2", timestamp, signature)));
	}

	@Test
	void shouldGenerateSecretsOfTwentyFourRandomBytes() {
		String secret = WebhookSecrets.generate(random);

		assertThat(secret).startsWith("whsec_");
		assertThat(WebhookSecrets.key(secret)).hasSize(24);
		assertThat(WebhookSecrets.isValid(secret)).isTrue();
		assertThat(WebhookSecrets.generate(random)).isNotEqualTo(secret);
		assertThat(WebhookSecrets.isValid("whsec_c2hvcnQ=")).isFalse();
		assertThat(WebhookSecrets.isValid("secret")).isFalse();
		assertThat(WebhookSecrets.isValid("whsec_!!")).isFalse();
	}

	private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
		return Map.of("webhook-id", List.of(id), "webhook-timestamp", List.of(Long.toString(timestamp)),
				"webhook-signature", List.of(signature));
	}

}
