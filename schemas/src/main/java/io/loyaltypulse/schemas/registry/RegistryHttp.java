package io.loyaltypulse.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON over HTTP to the registry: basic auth, timeouts, failover between URLs, retries
 * with backoff on I/O errors and 5xx, and 4xx turned into a
 * {@link SchemaRegistryException} that quotes the registry.
 */
final class RegistryHttp {

	private static final Logger log = LoggerFactory.getLogger(RegistryHttp.class);

	private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

	private static final String ACCEPT = CONTENT_TYPE + ", application/json;q=0.9";

	private final ObjectMapper json = new ObjectMapper();

	private final List<URI> baseUrls;

	private final Optional<String> authorization;

	private final RetryPolicy retry;

	private final Duration requestTimeout;

	private final HttpClient http;

	RegistryHttp(SchemaRegistryConfig config) {
		this.baseUrls = config.urls();
		this.authorization = config.userInfo()
			.map((userInfo) -> "Basic "
					+ Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
		this.retry = config.retry();
		this.requestTimeout = config.requestTimeout();
		this.http = HttpClient.newBuilder()
			.connectTimeout(config.connectTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	JsonNode get(String path) {
		return send("GET", path, null);
	}

	JsonNode post(String path, Object body) {
		return send("POST", path, body);
	}

	JsonNode put(String path, Object body) {
		return send("PUT", path, body);
	}

	ObjectMapper json() {
		return this.json;
	}

	/** A path segment with everything but unreserved characters percent-encoded. */
	static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private JsonNode send(String method, String path, Object body) {
		String payload = (body != null) ? write(body) : null;
		SchemaRegistryException lastFailure = null;
		for (int attempt = 0; attempt <= this.retry.maxRetries(); attempt++) {
			if (attempt > 0) {
				pause(this.retry.waitBefore(attempt));
			}
			URI url = URI.create(this.baseUrls.get(attempt % this.baseUrls.size()) + path);
			try {
				return exchange(method, url, payload);
			}
			catch (SchemaRegistryException ex) {
				if (!ex.isTransient()) {
					throw ex;
				}
				lastFailure = ex;
				log.warn("Schema registry request {} {} failed (attempt {} of {}): {}", method, url, attempt + 1,
						this.retry.maxRetries() + 1, ex.getMessage());
			}
		}
		throw lastFailure;
	}

	private JsonNode exchange(String method, URI url, String payload) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(this.requestTimeout)
			.header("Accept", ACCEPT)
			.method(method, (payload != null) ? HttpRequest.BodyPublishers.ofString(payload)
					: HttpRequest.BodyPublishers.noBody());
		if (payload != null) {
			request.header("Content-Type", CONTENT_TYPE);
		}
		this.authorization.ifPresent((value) -> request.header("Authorization", value));
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, SchemaRegistryException.UNREACHABLE,
					"Schema registry at %s is unreachable: %s".formatted(url, ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, SchemaRegistryException.UNREACHABLE,
					"Interrupted while calling the schema registry at " + url, ex);
		}
		return read(method, url, response);
	}

	private JsonNode read(String method, URI url, HttpResponse<String> response) {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return parse(response.body());
		}
		JsonNode error = parseQuietly(response.body());
		// Apicurio answers error_code 0 to some refusals: then the HTTP status is the
		// best code there is.
		int errorCode = (error != null && error.path("error_code").asInt() > 0) ? error.get("error_code").asInt()
				: status;
		String reason = (error != null && error.hasNonNull("message")) ? error.get("message").asText()
				: response.body();
		throw new SchemaRegistryException(status, errorCode, "Schema registry answered %d (error %d) to %s %s: %s"
			.formatted(status, errorCode, method, url, reason));
	}

	private String write(Object body) {
		try {
			return this.json.writeValueAsString(body);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write a schema registry request as JSON", ex);
		}
	}

	private JsonNode parse(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (IOException ex) {
			throw new SchemaRegistryException(200, 200, "Schema registry sent a body that is not JSON: " + body, ex);
		}
	}

	private JsonNode parseQuietly(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static void pause(Duration wait) {
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, SchemaRegistryException.UNREACHABLE,
					"Interrupted while waiting to retry the schema registry", ex);
		}
	}

}
