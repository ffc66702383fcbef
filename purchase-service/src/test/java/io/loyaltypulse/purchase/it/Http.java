package io.loyaltypulse.purchase.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A platform's HTTP client, against the service on its random port. */
final class Http {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	Http(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	HttpResponse<String> post(String path, String apiKey, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (apiKey != null) {
			request.header("X-Api-Key", apiKey);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return get(path, null);
	}

	HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		if (apiKey != null) {
			request.header("X-Api-Key", apiKey);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
