package io.loyaltypulse.churn.it;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.loyaltypulse.churn.ChurnAlertApplication;
import io.loyaltypulse.events.InvoiceIssued;
import io.loyaltypulse.testsupport.TestApiKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks as they run, on the real broker and registry, to a real HTTP receiver on
 * 127.0.0.1: an alert raised is delivered signed (verified with the independent Standard
 * Webhooks library); a receiver answering 500 then 200 gets it again with the same
 * webhook-id; one answering 410 gets its subscription disabled, until enabled over the
 * API; a replay after a secret rotation is signed with both secrets; bad subscriptions
 * are problems naming the field.
 */
@SpringBootTest(classes = ChurnAlertApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed after its tests, while the shared broker still runs: at the JVM's exit the
// topology's close would wait out its timeout for a broker that is already gone.
@DirtiesContext
class WebhooksIT {

	static final ServiceUnderTest service = new ServiceUnderTest("webhooks");

	static final JsonMapper json = JsonMapper.builder().build();

	/** What the receiver got, by path. */
	record Received(Map<String, String> headers, String body) {

	}

	static final Map<String, Queue<Received>> received = new ConcurrentHashMap<>();

	static final AtomicInteger flakyCalls = new AtomicInteger();

	static final HttpServer receiver = startReceiver();

	@LocalServerPort
	int port;

	static HttpServer startReceiver() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/ok", (exchange) -> answer(exchange, 200));
			server.createContext("/flaky",
					(exchange) -> answer(exchange, (flakyCalls.getAndIncrement() == 0) ? 500 : 200));
			server.createContext("/gone", (exchange) -> answer(exchange, 410));
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void answer(HttpExchange exchange, int status) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = new HashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
			received.computeIfAbsent(exchange.getRequestURI().getPath(), (path) -> new ConcurrentLinkedQueue<>())
				.add(new Received(headers, body));
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop(0);
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		service.register(registry, "alerts:read,alerts:write,webhooks:admin");
		// Short retries, no jitter; the receiver is on loopback.
		registry.add("loyalty.webhooks.retry-schedule", () -> "0s,300ms,300ms");
		registry.add("loyalty.webhooks.jitter", () -> "0");
		registry.add("loyalty.webhooks.poll-interval", () -> "100ms");
		registry.add("loyalty.webhooks.allowed-private-networks", () -> "127.0.0.1/32");
		registry.add("loyalty.webhooks.dashboard-base-url", () -> "http://127.0.0.1:8084");
	}

	@Test
	void shouldDeliverSignedRetryDisableOnGoneAndReplayWithBothSecretsAfterARotation() throws Exception {
		JsonNode ok = created(post("/api/v1/webhooks", "{\"url\": \"" + url("/ok") + "\"}"));
		JsonNode flaky = created(post("/api/v1/webhooks", "{\"url\": \"" + url("/flaky")
				+ "\", \"eventTypes\": [\"churn-alert.raised\"], \"minSeverity\": \"LOW\"}"));
		JsonNode gone = created(post("/api/v1/webhooks", "{\"url\": \"" + url("/gone") + "\", \"format\": \"slack\"}"));
		String okSecret = ok.get("secret").asString();
		assertThat(okSecret).startsWith("whsec_");
		JsonNode listed = json.readTree(get("/api/v1/webhooks").body());
		assertThat(listed.get("items").toString()).contains(ok.get("id").asString()).doesNotContain("whsec_");

		String customer = "c-webhook-" + service.run();
		sendOverdueInvoice(customer);

		Received delivered = await("the signed delivery").atMost(Duration.ofSeconds(60))
			.until(() -> received.getOrDefault("/ok", new ConcurrentLinkedQueue<>()).peek(), (first) -> first != null);
		new Webhook(okSecret).verify(delivered.body(), headers(delivered));
		JsonNode payload = json.readTree(delivered.body());
		assertThat(payload.get("type").asString()).isEqualTo("churn-alert.raised");
		assertThat(payload.get("data").get("customerId").asString()).isEqualTo(customer);
		assertThat(payload.get("data").get("explanation").asString())
			.isEqualTo("invoice inv-1 is 10 days overdue with 250.00 EUR unpaid");
		assertThat(payload.get("data").get("evidence").isObject()).isTrue();
		assertThat(payload.get("data").get("link").asString())
			.isEqualTo("http://127.0.0.1:8084/alerts/" + payload.get("data").get("id").asString());

		await("the retried delivery").atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(received.get("/flaky")).hasSize(2));
		List<Received> flakyAttempts = List.copyOf(received.get("/flaky"));
		assertThat(flakyAttempts.get(1).headers().get("webhook-id"))
			.isEqualTo(flakyAttempts.get(0).headers().get("webhook-id"));
		new Webhook(flaky.get("secret").asString()).verify(flakyAttempts.get(1).body(), headers(flakyAttempts.get(1)));
		JsonNode flakyDelivery = await("the retried delivery's record").atMost(Duration.ofSeconds(30))
			.until(() -> deliveries(flaky).get(0),
					(delivery) -> delivery != null && "SUCCEEDED".equals(delivery.get("status").asString()));
		assertThat(flakyDelivery.get("attempts").asInt()).isEqualTo(2);
		assertThat(flakyDelivery.get("lastResponseCode").asInt()).isEqualTo(200);

		await("the gone subscription disabled").atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(
					json.readTree(get("/api/v1/webhooks/" + gone.get("id").asString()).body()).get("status").asString())
				.isEqualTo("DISABLED"));
		JsonNode goneDelivery = deliveries(gone).get(0);
		assertThat(goneDelivery.get("status").asString()).isEqualTo("FAILED");
		assertThat(goneDelivery.get("lastResponseCode").asInt()).isEqualTo(410);
		assertThat(json.readTree(received.get("/gone").peek().body()).get("blocks").isArray()).isTrue();
		// No way back but over the API: enabled, and enabled again (idempotent).
		for (int i = 0; i < 2; i++) {
			HttpResponse<String> enabled = post("/api/v1/webhooks/" + gone.get("id").asString() + "/enable", null);
			assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
			assertThat(json.readTree(enabled.body()).get("status").asString()).isEqualTo("ACTIVE");
		}
		assertThat(json.readTree(get("/api/v1/webhooks/" + gone.get("id").asString()).body()).get("status").asString())
			.isEqualTo("ACTIVE");

		JsonNode rotated = json.readTree(post("/api/v1/webhooks/" + ok.get("id").asString() + "/secret", null).body());
		String newSecret = rotated.get("secret").asString();
		assertThat(newSecret).startsWith("whsec_").isNotEqualTo(okSecret);
		String deliveryId = await("the first delivery recorded").atMost(Duration.ofSeconds(30))
			.until(() -> deliveries(ok).get(0),
					(delivery) -> delivery != null && "SUCCEEDED".equals(delivery.get("status").asString()))
			.get("id")
			.asString();
		HttpResponse<String> replay = post("/api/v1/webhooks/" + ok.get("id").asString() + "/replay",
				"{\"deliveryId\": \"" + deliveryId + "\"}");
		assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
		await("the replay").atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(received.get("/ok")).hasSizeGreaterThanOrEqualTo(2));
		Received replayed = List.copyOf(received.get("/ok")).get(1);
		assertThat(replayed.headers().get("webhook-id")).isEqualTo(deliveryId);
		assertThat(replayed.headers().get("webhook-signature").split(" ")).hasSize(2);
		new Webhook(newSecret).verify(replayed.body(), headers(replayed));
		new Webhook(okSecret).verify(replayed.body(), headers(replayed));
	}

	@Test
	void shouldBeReadyOnceTheWebhookStateIsRead() {
		await("readiness, webhooks included").atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(
							service
								.send(HttpRequest
									.newBuilder(
											URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
									.GET()
									.build())
								.statusCode())
						.isEqualTo(200));
	}

	@Test
	void shouldRefuseBadSubscriptionsWithProblemsNamingTheField() throws Exception {
		HttpResponse<String> privateUrl = post("/api/v1/webhooks", "{\"url\": \"http://10.1.2.3/hook\"}");
		HttpResponse<String> ftp = post("/api/v1/webhooks", "{\"url\": \"ftp://127.0.0.1/hook\"}");
		HttpResponse<String> badType = post("/api/v1/webhooks",
				"{\"url\": \"" + url("/ok") + "\", \"eventTypes\": [\"churn-alert.raised\", \"sold\"]}");
		HttpResponse<String> badFormat = post("/api/v1/webhooks",
				"{\"url\": \"" + url("/ok") + "\", \"format\": \"teams\", \"minSeverity\": \"HUGE\"}");
		HttpResponse<String> unknownMember = post("/api/v1/webhooks",
				"{\"url\": \"" + url("/ok") + "\", \"secret\": \"mine\"}");
		HttpResponse<String> notFound = get("/api/v1/webhooks/wh_nothing");
		HttpResponse<String> badReplay = post("/api/v1/webhooks/wh_nothing/replay", "{}");
		HttpResponse<String> enableUnknown = post("/api/v1/webhooks/wh_nothing/enable", null);
		HttpResponse<String> enableReadOnly = service.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/webhooks/wh_nothing/enable"))
			.header("X-Api-Key", TestApiKeys.POINTS_READ_ONLY)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		HttpResponse<String> readOnly = service
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/webhooks"))
				.header("X-Api-Key", TestApiKeys.POINTS_READ_ONLY)
				.GET()
				.build());

		assertThat(privateUrl.statusCode()).isEqualTo(400);
		assertThat(privateUrl.body()).contains("\"/url\"").contains("private");
		assertThat(ftp.statusCode()).isEqualTo(400);
		assertThat(ftp.body()).contains("\"/url\"");
		assertThat(badType.statusCode()).isEqualTo(400);
		assertThat(badType.body()).contains("\"/eventTypes/1\"");
		assertThat(badFormat.statusCode()).isEqualTo(400);
		assertThat(badFormat.body()).contains("\"/format\"").contains("\"/minSeverity\"");
		assertThat(unknownMember.statusCode()).isEqualTo(400);
		assertThat(unknownMember.body()).contains("\"/secret\"");
		assertThat(notFound.statusCode()).isEqualTo(404);
		assertThat(badReplay.statusCode()).isEqualTo(400);
		assertThat(badReplay.body()).contains("\"/since\"");
		assertThat(enableUnknown.statusCode()).isEqualTo(404);
		assertThat(enableUnknown.body()).contains("webhook-not-found");
		assertThat(enableReadOnly.statusCode()).isEqualTo(403);
		assertThat(enableReadOnly.body()).contains("webhooks:admin");
		assertThat(readOnly.statusCode()).isEqualTo(403);
		assertThat(readOnly.body()).contains("webhooks:admin");
	}

	private JsonNode created(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body());
	}

	private JsonNode deliveries(JsonNode subscription) throws Exception {
		HttpResponse<String> response = get("/api/v1/webhooks/" + subscription.get("id").asString() + "/deliveries");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body()).get("items");
	}

	private static Map<String, List<String>> headers(Received received) {
		return Map.of("webhook-id", List.of(received.headers().get("webhook-id")), "webhook-timestamp",
				List.of(received.headers().get("webhook-timestamp")), "webhook-signature",
				List.of(received.headers().get("webhook-signature")));
	}

	private static String url(String path) {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
	}

	private static void sendOverdueInvoice(String customer) throws Exception {
		Instant issued = Instant.now().minus(Duration.ofDays(40));
		InvoiceIssued invoice = InvoiceIssued.newBuilder()
			.setEventId("inv-" + customer)
			.setCustomerId(customer)
			.setOccurredAt(issued)
			.setInvoiceId("inv-1")
			.setAmount(new BigDecimal("250.0000"))
			.setCurrency("EUR")
			.setIssueDate(LocalDate.ofInstant(issued, ZoneOffset.UTC))
			.setDueDate(LocalDate.now(ZoneOffset.UTC).minusDays(10))
			.build();
		ServiceUnderTest.send(service.catalogue().invoices(), List.of(invoice));
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return service.post(this.port, path, body, null);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return service.get(this.port, path);
	}

}
