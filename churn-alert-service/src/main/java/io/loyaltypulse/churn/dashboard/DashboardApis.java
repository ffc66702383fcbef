package io.loyaltypulse.churn.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The APIs the dashboard reads, as any client would: this service's own (which merges the
 * alerts of every instance and forwards a customer to the instance that holds it) and
 * survey-service's NPS API, each with its configured key. An answer other than 200 is a
 * {@link DashboardDataException} carrying the API's problem detail.
 */
@Component
class DashboardApis {

	private final DashboardProperties properties;

	private final Environment environment;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http;

	DashboardApis(DashboardProperties properties, Environment environment) {
		this.properties = properties;
		this.environment = environment;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	}

	/**
	 * {@code GET} of this service's API, e.g. {@code /api/v1/alerts?status=OPEN}, on the
	 * address it listens on (loopback unless it is bound to one address).
	 */
	JsonNode own(String pathAndQuery) {
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8084"));
		String address = this.environment.getProperty("server.address", "");
		String host = (address.isBlank() || address.equals("0.0.0.0") || address.equals("::")) ? "127.0.0.1"
				: (address.contains(":") ? "[" + address + "]" : address);
		return get("churn-alert-service", URI.create("http://" + host + ":" + port + pathAndQuery),
				this.properties.apiKey(), "loyalty.dashboard.api-key");
	}

	/** {@code GET} of survey-service's API, e.g. {@code /api/v1/nps?window=90d}. */
	JsonNode survey(String pathAndQuery) {
		return upstream("survey-service", this.properties.surveyService(), pathAndQuery);
	}

	/** {@code GET} of points-service's API, e.g. {@code /api/v1/customers/c1/points}. */
	JsonNode points(String pathAndQuery) {
		return upstream("points-service", this.properties.pointsService(), pathAndQuery);
	}

	private JsonNode upstream(String service, DashboardProperties.Upstream upstream, String pathAndQuery) {
		if (upstream == null || upstream.url() == null) {
			throw new DashboardDataException(
					service + " cannot be read: loyalty.dashboard." + service + ".url is not configured");
		}
		return get(service, upstream.url().resolve(pathAndQuery), upstream.apiKey(),
				"loyalty.dashboard." + service + ".api-key");
	}

	/** A path segment, encoded. */
	static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** {@code ?a=1&b=2} of the parameters that have a value, encoded; empty if none. */
	static String query(Map<String, String> parameters) {
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		parameters.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
			}
		});
		return query.toString();
	}

	private JsonNode get(String api, URI uri, String key, String keyProperty) {
		if (key == null || key.isBlank()) {
			throw new DashboardDataException(api + " cannot be read: " + keyProperty + " is not configured");
		}
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.properties.requestTimeout())
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
			.header(HttpHeaders.ACCEPT, "application/json")
			.GET()
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			throw new DashboardDataException(
					api + " did not answer within " + this.properties.requestTimeout().toSeconds() + " s");
		}
		catch (IOException ex) {
			throw new DashboardDataException(api + " could not be reached at " + uri.getHost() + ":" + uri.getPort());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DashboardDataException("interrupted while reading " + api);
		}
		JsonNode body;
		try {
			body = this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			// A proxy's HTML page, say: said without quoting it or the parser.
			throw new DashboardDataException(api + " answered " + response.statusCode() + " with no JSON");
		}
		if (response.statusCode() != 200) {
			throw DashboardDataException.answered(api, response.statusCode(), body);
		}
		return body;
	}

}
