package io.loyaltypulse.churn.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Posts one signed webhook: headers webhook-id (the delivery's), webhook-timestamp (this
 * attempt's) and webhook-signature; redirects are not followed, the answer's body is not
 * read.
 */
class WebhookSender {

	/** What an attempt got: a status, or none with the error's kind. */
	record Answer(Integer status, Optional<Duration> retryAfter, String error) {

	}

	private final HttpClient client;

	private final Duration requestTimeout;

	private final Clock clock;

	WebhookSender(Duration connectTimeout, Duration requestTimeout, Clock clock) {
		this.client = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.requestTimeout = requestTimeout;
		this.clock = clock;
	}

	Answer send(String url, String webhookId, String body, List<String> secrets) throws InterruptedException {
		long timestamp = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(this.requestTimeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "LoyaltyPulse-Webhooks/1")
			.header("webhook-id", webhookId)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", WebhookSigner.signature(webhookId, timestamp, body, secrets))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<Void> response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			return new Answer(status, RetrySchedule
				.parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null), this.clock.instant()),
					(status >= 200 && status < 300) ? null : "HTTP " + status);
		}
		catch (IOException ex) {
			return new Answer(null, Optional.empty(), "no answer: " + ex.getClass().getSimpleName());
		}
	}

}
