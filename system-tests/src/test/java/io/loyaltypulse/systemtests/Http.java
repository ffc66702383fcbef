package io.loyaltypulse.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A platform's or a CRM's HTTP client: JSON in and out, an API key, and the retry every
 * caller of Loyalty Pulse owes it: a {@code 503} is sent again, the same request with the
 * same event id (or {@code Idempotency-Key}), after its {@code Retry-After}.
 */
final class Http {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Enough for a service's restart (a JVM start on two busy cores) or a broker's. */
	private static final int MAX_ATTEMPTS = 120;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String apiKey;

	private final AtomicInteger retries = new AtomicInteger();

	private final AtomicInteger unavailable = new AtomicInteger();

	Http(String apiKey) {
		this.apiKey = apiKey;
	}

	HttpClient client() {
		return this.client;
	}

	/** How many times a 503 was answered and the request sent again. */
	int retries() {
		return this.retries.get();
	}

	/** How many 503 answers (each with its Retry-After) came back. */
	int unavailable() {
		return this.unavailable.get();
	}

	/** POSTs a JSON body, retrying on 503; the answer as it finally came. */
	Answer post(String url, Object body, Map<String, String> headers) {
		String text = (body instanceof String string) ? string : JSON.writeValueAsString(body);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.apiKey)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(text));
		headers.forEach(request::header);
		return sendRetrying(request.build());
	}

	/** POSTs without a body (an alert's acknowledgement), retrying on 503. */
	Answer postWithoutBody(String url, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.apiKey)
			.POST(HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return sendRetrying(request.build());
	}

	Answer get(String url) {
		return sendRetrying(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + this.apiKey)
			.GET()
			.build());
	}

	/** Sends once, whatever the answer: for the bad-input sweep. */
	Answer sendOnce(HttpRequest request) {
		try {
			return Answer.of(this.client.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Answer sendRetrying(HttpRequest request) {
		Answer answer = null;
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			try {
				answer = Answer.of(this.client.send(request, HttpResponse.BodyHandlers.ofString()));
			}
			catch (IOException ex) {
				// The service is down or went down while answering: the request may or
				// may not have been
				// applied, so it is sent again as it was (same event id or
				// Idempotency-Key).
				this.retries.incrementAndGet();
				pause(1);
				continue;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (answer.status() != 503) {
				return answer;
			}
			this.unavailable.incrementAndGet();
			this.retries.incrementAndGet();
			long seconds = answer.response()
				.headers()
				.firstValue("Retry-After")
				.map(Long::parseLong)
				.orElseThrow(() -> new AssertionError("503 without Retry-After from " + request.uri()));
			pause(Math.min(seconds, 2));
		}
		if (answer == null) {
			throw new IllegalStateException(
					request.method() + " " + request.uri() + ": no answer after " + MAX_ATTEMPTS + " attempts");
		}
		return answer;
	}

	private static void pause(long seconds) {
		try {
			Thread.sleep(Duration.ofSeconds(Math.max(seconds, 1)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Answer(HttpResponse<String> response, int status, String body) {

		static Answer of(HttpResponse<String> response) {
			return new Answer(response, response.statusCode(), response.body());
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String contentType() {
			return this.response.headers().firstValue("Content-Type").orElse("");
		}

		@Override
		public String toString() {
			return this.status + " " + this.response.request().method() + " " + this.response.request().uri() + ": "
					+ this.body;
		}

	}

}
