package io.loyaltypulse.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;

/**
 * A CRM's webhook endpoint on 127.0.0.1: every request it gets is recorded in arrival
 * order and its signature checked with the independent Standard Webhooks library. It
 * answers 200, or 503 while it is {@link #down()}; a request is a delivery only when
 * answered 200.
 */
final class WebhookReceiver implements AutoCloseable {

	static final String PATH = "/crm/churn";

	/** One request as it came, and how it was answered. */
	record Request(String webhookId, String type, String alertId, String customerId, boolean verified, int answered,
			Instant at) {

	}

	private final HttpServer server;

	private final List<Request> requests = new ArrayList<>();

	private volatile String secret;

	private volatile boolean up = true;

	private WebhookReceiver(HttpServer server) {
		this.server = server;
	}

	static WebhookReceiver start() throws IOException {
		WebhookReceiver receiver = new WebhookReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
		receiver.server.createContext(PATH, receiver::handle);
		receiver.server.start();
		return receiver;
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + PATH;
	}

	/** The subscription's secret, as its creation answered it. */
	void secret(String secret) {
		this.secret = secret;
	}

	/** From now on every request is answered 503 (a CRM in maintenance). */
	void down() {
		this.up = false;
	}

	void up() {
		this.up = true;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
		int status = this.up ? 200 : 503;
		JsonNode payload = Http.JSON.readTree(body);
		JsonNode data = payload.path("data");
		Request request = new Request(webhookId, payload.path("type").asString(), data.path("id").asString(),
				data.path("customerId").asString(), verified(exchange, body), status, Instant.now());
		synchronized (this.requests) {
			this.requests.add(request);
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	private boolean verified(HttpExchange exchange, String body) {
		String current = this.secret;
		if (current == null) {
			return false;
		}
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
			String value = exchange.getRequestHeaders().getFirst(name);
			headers.put(name, (value != null) ? List.of(value) : List.of());
		}
		try {
			new Webhook(current).verify(body, headers);
			return true;
		}
		catch (WebhookVerificationException | RuntimeException ex) {
			return false;
		}
	}

	/** Every request so far, in arrival order. */
	List<Request> requests() {
		synchronized (this.requests) {
			return List.copyOf(this.requests);
		}
	}

	/** The requests answered 200, each webhook-id once (the first), in arrival order. */
	List<Request> delivered() {
		Set<String> seen = new LinkedHashSet<>();
		List<Request> delivered = new ArrayList<>();
		for (Request request : requests()) {
			if (request.answered() == 200 && seen.add(request.webhookId())) {
				delivered.add(request);
			}
		}
		return delivered;
	}

	/** The first delivery of an alert's change of this type, if there is one yet. */
	Request delivery(String alertId, String type) {
		return delivered().stream()
			.filter((request) -> request.alertId().equals(alertId) && request.type().equals(type))
			.findFirst()
			.orElse(null);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
