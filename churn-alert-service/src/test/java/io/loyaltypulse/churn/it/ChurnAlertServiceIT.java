package io.loyaltypulse.churn.it;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.loyaltypulse.churn.ChurnAlertApplication;
import io.loyaltypulse.churn.engine.Events;
import io.loyaltypulse.churn.scorecard.Quarter;
import io.loyaltypulse.events.ChurnAlertCleared;
import io.loyaltypulse.events.ChurnAlertRaised;
import io.loyaltypulse.events.ChurnAlertUpdated;
import io.loyaltypulse.events.InvoiceIssued;
import io.loyaltypulse.events.InvoicePaymentReceived;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.testsupport.SharedBroker;
import io.loyaltypulse.testsupport.TestApiKeys;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as it runs, on a real Kafka broker (embedded KRaft) and the real schema
 * registry (Apicurio): an overdue invoice raises ARREARS, an acknowledgement over HTTP
 * changes the alert (once, however often it is retried), the payment clears it, and every
 * change is on churn-alerts; bad requests are problems naming what is wrong.
 */
@SpringBootTest(classes = ChurnAlertApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Closed after its tests, while the shared broker still runs: at the JVM's exit the
// topology's close would wait out its timeout for a broker that is already gone.
@DirtiesContext
class ChurnAlertServiceIT {

	static final ServiceUnderTest service = new ServiceUnderTest("churn");

	static final String RUN = service.run();

	static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		service.register(registry, "alerts:read,alerts:write");
		// The silence model fitted every second once 30 customers have bought.
		registry.add("loyalty.churn.model.minimum-customers", () -> "30");
		registry.add("loyalty.churn.model.refit-interval", () -> "1s");
	}

	@Test
	void shouldRaiseArrearsForAnOverdueInvoiceAcknowledgeItOverHttpOnceAndClearItWhenPaid() throws Exception {
		String customer = "c-arrears-" + RUN;
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Instant issued = Instant.now().minus(Duration.ofDays(40));
		ServiceUnderTest.send(service.catalogue().invoices(),
				List.of(InvoiceIssued.newBuilder()
					.setEventId("inv-" + customer)
					.setCustomerId(customer)
					.setOccurredAt(issued)
					.setInvoiceId("inv-1")
					.setAmount(new BigDecimal("250.0000"))
					.setCurrency("EUR")
					.setIssueDate(LocalDate.ofInstant(issued, ZoneOffset.UTC))
					.setDueDate(today.minusDays(10))
					.build()));

		List<JsonNode> alerts = new ArrayList<>();
		await("the ARREARS alert").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> {
				alerts.clear();
				alerts.addAll(alertsOf(customer));
				assertThat(alerts).hasSize(1);
			});
		JsonNode alert = alerts.getFirst();
		String alertId = alert.get("id").asString();
		assertThat(alert.get("signal").asString()).isEqualTo("ARREARS");
		assertThat(alert.get("status").asString()).isEqualTo("OPEN");
		assertThat(alert.get("explanation").asString())
			.isEqualTo("invoice inv-1 is 10 days overdue with 250.00 EUR unpaid");

		String key = UUID.randomUUID().toString();
		HttpResponse<String> acknowledged = post("/api/v1/alerts/" + alertId + "/acknowledge", null, key);
		HttpResponse<String> retried = post("/api/v1/alerts/" + alertId + "/acknowledge", null, key);
		assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
		assertThat(json.readTree(acknowledged.body()).get("status").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
		JsonNode history = json.readTree(get("/api/v1/alerts/" + alertId).body()).get("history");
		assertThat(history).extracting((entry) -> entry.get("change").asString())
			.containsExactly("RAISED", "ACKNOWLEDGED");
		assertThat(history.get(1).get("actor").asString()).isEqualTo(ServiceUnderTest.MANAGER);

		ServiceUnderTest.send(service.catalogue().invoices(),
				List.of(InvoicePaymentReceived.newBuilder()
					.setEventId("pay-" + customer)
					.setCustomerId(customer)
					.setOccurredAt(Instant.now())
					.setInvoiceId("inv-1")
					.setPaymentId("pay-1")
					.setAmount(new BigDecimal("250.0000"))
					.setCurrency("EUR")
					.build()));
		await("the alert cleared").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(
					() -> assertThat(json.readTree(get("/api/v1/alerts/" + alertId).body()).get("status").asString())
						.isEqualTo("CLEARED"));

		assertThat(changesOnChurnAlerts(customer, 3)).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly(ChurnAlertRaised.class.getSimpleName(), ChurnAlertUpdated.class.getSimpleName(),
					ChurnAlertCleared.class.getSimpleName());
		JsonNode profile = json.readTree(get("/api/v1/customers/" + customer + "/profile").body());
		assertThat(profile.get("openInvoices")).isEmpty();
		assertThat(profile.get("alerts").get(0).get("status").asString()).isEqualTo("CLEARED");
		assertThat(profile.get("pAlive").isNull()).as("no purchase yet").isTrue();
	}

	@Test
	void shouldAnswerBadActionsWithProblemsNamingWhatIsWrong() throws Exception {
		String unknown = "Yy1ub2JvZHk.arrears.1";
		HttpResponse<String> pastSnooze = post("/api/v1/alerts/" + unknown + "/snooze",
				"{\"until\": \"2020-01-01T00:00:00Z\", \"reason\": \"later\"}", "k-1");
		HttpResponse<String> unknownField = post("/api/v1/alerts/" + unknown + "/resolve", "{\"because\": \"x\"}",
				"k-2");
		HttpResponse<String> noReason = post("/api/v1/alerts/" + unknown + "/resolve", "{}", "k-2");
		HttpResponse<String> badSort = get("/api/v1/alerts?sort=name");
		HttpResponse<String> blankStore = get("/api/v1/alerts?store=%20");
		HttpResponse<String> noKey = post("/api/v1/alerts/" + unknown + "/acknowledge", null, null);
		HttpResponse<String> notFound = post("/api/v1/alerts/" + unknown + "/acknowledge", null, "k-3");
		HttpResponse<String> notAnAlertId = get("/api/v1/alerts/not-an-alert");
		HttpResponse<String> badSignal = get("/api/v1/alerts?signal=SLEEPY");
		HttpResponse<String> misspeltFilter = get("/api/v1/alerts?sigal=ARREARS");
		HttpResponse<String> repeatedFilter = get("/api/v1/alerts?store=S1&store=S2");
		HttpResponse<String> plainText = service.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/alerts/" + unknown + "/comments"))
			.header("Authorization", "Bearer " + TestApiKeys.ALL_SCOPES)
			.header("Idempotency-Key", "k-5")
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("hello"))
			.build());
		HttpResponse<String> readOnly = service.send(HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/alerts/" + unknown + "/acknowledge"))
			.header("X-Api-Key", TestApiKeys.POINTS_READ_ONLY)
			.header("Idempotency-Key", "k-4")
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());

		assertThat(pastSnooze.statusCode()).isEqualTo(400);
		assertThat(pastSnooze.body()).contains("\"/until\"");
		assertThat(unknownField.statusCode()).isEqualTo(400);
		assertThat(unknownField.body()).contains("\"/because\"");
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("\"/reason\"");
		assertThat(badSort.statusCode()).isEqualTo(400);
		assertThat(badSort.body()).contains("\"sort\"");
		assertThat(blankStore.statusCode()).isEqualTo(400);
		assertThat(blankStore.body()).contains("\"store\"");
		assertThat(noKey.statusCode()).isEqualTo(400);
		assertThat(noKey.body()).contains("Idempotency-Key");
		assertThat(notFound.statusCode()).as(notFound.body()).isEqualTo(404);
		assertThat(notAnAlertId.statusCode()).isEqualTo(404);
		assertThat(badSignal.statusCode()).isEqualTo(400);
		assertThat(badSignal.body()).contains("signal")
			.contains("must be one of SILENCE, ARREARS, REPEAT_DECLINE, DETRACTOR, COMPLAINT");
		assertThat(misspeltFilter.statusCode()).isEqualTo(400);
		assertThat(misspeltFilter.body()).contains("\"parameter\":\"sigal\"", "is not a parameter of this endpoint");
		assertThat(repeatedFilter.statusCode()).isEqualTo(400);
		assertThat(repeatedFilter.body()).contains("\"parameter\":\"store\"", "give it once");
		assertThat(plainText.statusCode()).isEqualTo(415);
		assertThat(readOnly.statusCode()).isEqualTo(403);
		assertThat(readOnly.body()).contains("alerts:write");
		for (HttpResponse<String> problem : List.of(pastSnooze, unknownField, noReason, noKey, notFound, badSignal,
				misspeltFilter, repeatedFilter, badSort, blankStore, readOnly)) {
			assertThat(problem.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/problem+json");
		}
	}

	@Test
	void shouldServeTheDefaultSilenceModelUntilEnoughCustomersBoughtThenFitIt() throws Exception {
		// Only this test sends purchases: none of its customers has bought yet.
		JsonNode defaults = json.readTree(get("/api/v1/silence-model").body());
		assertThat(defaults.get("fitted").asBoolean()).isFalse();
		assertThat(defaults.get("timeUnit").asString()).isEqualTo("weeks");
		assertThat(defaults.get("r").asDouble()).isEqualTo(0.2426);
		assertThat(defaults.get("note").asString()).contains("defaults");

		// 40 customers: first purchase 100 to 490 days ago, 0 to 9 repeat purchases every
		// 6 to 42 days.
		Instant now = Instant.now();
		List<SpecificRecord> purchases = new ArrayList<>();
		for (int customer = 0; customer < 40; customer++) {
			Instant first = now.minus(Duration.ofDays(100 + 10L * customer));
			int gap = 6 + 6 * (customer % 7);
			for (int purchase = 0; purchase <= customer % 10; purchase++) {
				Instant at = first.plus(Duration.ofDays((long) gap * purchase));
				if (at.isBefore(now)) {
					purchases.add(Events.purchase("c-model-" + customer + "-" + RUN, "o-" + customer + "-" + purchase,
							at, "25.00"));
				}
			}
		}
		ServiceUnderTest.send(service.catalogue().purchases(), purchases);

		// A refit may come while only some of the 40 are counted (30 are enough); the
		// next ones, every second, count them all.
		JsonNode fitted = await("a fit on all 40").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> json.readTree(get("/api/v1/silence-model").body()),
					(model) -> model.get("fitted").asBoolean() && model.get("customers").asInt() == 40);
		assertThat(fitted.get("logLikelihood").asDouble()).isNegative();
		assertThat(fitted.get("r").asDouble()).isPositive().isNotEqualTo(0.2426);
		assertThat(fitted.has("fittedAt")).isTrue();
		shouldCountTheOrdersOfAQuarterInTheScorecard(purchases, now);
	}

	/**
	 * The scorecard on the real broker: the deltas go through the repartition topic to
	 * the figures, and the figures answer over HTTP.
	 */
	private void shouldCountTheOrdersOfAQuarterInTheScorecard(List<SpecificRecord> purchases, Instant now)
			throws Exception {
		// The quarter of the first customer's one purchase: it has first and repeat ones.
		Quarter quarter = Quarter.of(now.minus(Duration.ofDays(100)));
		Map<String, Instant> firstOrders = new HashMap<>();
		purchases.forEach((purchase) -> firstOrders.merge(((PurchaseCompleted) purchase).getCustomerId(),
				((PurchaseCompleted) purchase).getOccurredAt(), (one, other) -> one.isBefore(other) ? one : other));
		List<PurchaseCompleted> inQuarter = purchases.stream()
			.map(PurchaseCompleted.class::cast)
			.filter((purchase) -> Quarter.of(purchase.getOccurredAt()).equals(quarter))
			.toList();
		List<PurchaseCompleted> returning = inQuarter.stream()
			.filter((purchase) -> purchase.getOccurredAt().isAfter(firstOrders.get(purchase.getCustomerId())))
			.toList();

		JsonNode figures = await("the scorecard's figures").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> json.readTree(get("/api/v1/scorecard/figures?quarter=" + quarter + "&store=S1").body()),
					(answer) -> answer.has("orders") && answer.get("orders").asLong() == inQuarter.size());
		assertThat(figures.get("activeCustomers").asLong())
			.isEqualTo(inQuarter.stream().map(PurchaseCompleted::getCustomerId).distinct().count());
		assertThat(figures.get("returningCustomers").asLong())
			.isEqualTo(returning.stream().map(PurchaseCompleted::getCustomerId).distinct().count());
		assertThat(new BigDecimal(figures.get("returningOrderValue").get("amount").asString()))
			.isEqualByComparingTo(new BigDecimal("25.00").multiply(BigDecimal.valueOf(returning.size())));
		JsonNode slices = json.readTree(get("/api/v1/scorecard/slices").body());
		assertThat(slices.get("stores").toString()).contains("\"S1\"");
		assertThat(slices.get("quarters").toString()).contains("\"" + quarter + "\"");
	}

	/** The customer's alerts; fails (to be retried) while the state is not queryable. */
	private List<JsonNode> alertsOf(String customerId) throws Exception {
		HttpResponse<String> response = get("/api/v1/alerts?customerId=" + customerId);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		json.readTree(response.body()).get("items").forEach(items::add);
		return items;
	}

	private List<SpecificRecord> changesOnChurnAlerts(String customerId, int expected) {
		Topic<String, SpecificRecord> topic = service.catalogue().churnAlerts();
		List<SpecificRecord> changes = new ArrayList<>();
		try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed"),
				topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
			consumer.subscribe(List.of(topic.name()));
			await("changes on churn-alerts").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (record.key().equals(customerId)) {
						changes.add(record.value());
					}
				});
				assertThat(changes).hasSize(expected);
			});
		}
		return changes;
	}

	private HttpResponse<String> post(String path, String body, String idempotencyKey) throws Exception {
		return service.post(this.port, path, body, idempotencyKey);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return service.get(this.port, path);
	}

}
