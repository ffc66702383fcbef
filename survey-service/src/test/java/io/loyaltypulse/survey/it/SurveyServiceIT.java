package io.loyaltypulse.survey.it;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import io.loyaltypulse.events.NpsScoreUpdated;
import io.loyaltypulse.events.OrderLine;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.SurveyInvitationDue;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.survey.SurveyApplication;
import io.loyaltypulse.testsupport.ApicurioRegistryProcess;
import io.loyaltypulse.testsupport.SharedBroker;
import io.loyaltypulse.testsupport.TestApiKeys;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as it runs, on a real Kafka broker (embedded KRaft) and the real schema
 * registry (Apicurio): answers posted over HTTP show up in {@code /nps}, its trend and
 * breakdown with the exact counts; a repeated and a corrected answer count once; the
 * counts of each changed slice-day are on {@code nps-scores}.
 */
@SpringBootTest(classes = SurveyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SurveyServiceIT {

	static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	static final String NPS_SCORES = "nps-scores-it-" + RUN;

	static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * Under target/, not a temporary folder that JUnit deletes before Spring closes the
	 * cached context (and with it the streams, which flush their state there).
	 */
	static final Path stateDir = Path.of("target", "survey-it-" + RUN, "streams").toAbsolutePath();

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedBroker::bootstrapServers);
		registry.add("spring.kafka.properties.schema.registry.url",
				() -> ApicurioRegistryProcess.shared().confluentApiUrl());
		registry.add("spring.kafka.streams.application-id", () -> "survey-it-" + RUN);
		registry.add("spring.kafka.streams.state-dir", () -> stateDir.toString());
		registry.add("loyalty.topics.survey-responses", () -> "survey-responses-it-" + RUN);
		registry.add("loyalty.topics.complaints", () -> "complaints-it-" + RUN);
		registry.add("loyalty.topics.nps-scores", () -> NPS_SCORES);
		registry.add("loyalty.topics.purchases", () -> "purchases-it-" + RUN);
		registry.add("loyalty.topics.survey-invitations", () -> "survey-invitations-it-" + RUN);
		// Invitations one second after a purchase, sent by a punctuator every 200 ms.
		registry.add("loyalty.surveys.invite-after", () -> "1s");
		registry.add("loyalty.surveys.punctuation-interval", () -> "200ms");
		registry.add("loyalty.security.api-keys[0].name", () -> "survey-tool");
		registry.add("loyalty.security.api-keys[0].sha256", () -> TestApiKeys.ALL_SCOPES_SHA256);
		registry.add("loyalty.security.api-keys[0].scopes", () -> "surveys:write,complaints:write,nps:read");
		registry.add("loyalty.security.api-keys[1].name", () -> "dashboard");
		registry.add("loyalty.security.api-keys[1].sha256", () -> TestApiKeys.POINTS_READ_ONLY_SHA256);
		registry.add("loyalty.security.api-keys[1].scopes", () -> "nps:read");
	}

	@Test
	void shouldShowAnswersPostedOverHttpInNpsTrendAndBreakdownCountingEachResponseOnce() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		// 6 promoters, 2 passives, 3 detractors and one skipped question in store S1, one
		// promoter in S2: NPS of S1 = 100 (6 - 3) / 11.
		int[] scores = { 10, 10, 9, 9, 9, 10, 7, 8, 0, 6, 3 };
		for (int i = 0; i < scores.length; i++) {
			assertThat(post("/api/v1/survey-responses", answer("r-" + i, scores[i], "S1", now)).statusCode())
				.isEqualTo(202);
		}
		assertThat(post("/api/v1/survey-responses", answer("r-skip", null, "S1", now)).statusCode()).isEqualTo(202);
		assertThat(post("/api/v1/survey-responses", answer("r-s2", 10, "S2", now)).statusCode()).isEqualTo(202);
		// A repeat changes nothing; a correction (a later occurredAt) moves r-10 from a
		// detractor (3) to a passive (8): S1 becomes 6 promoters, 3 passives, 2
		// detractors.
		assertThat(post("/api/v1/survey-responses", answer("r-0", 10, "S1", now)).body())
			.contains("\"seenRecently\":true");
		assertThat(post("/api/v1/survey-responses", answer("r-10", 8, "S1", now.plusSeconds(1))).statusCode())
			.isEqualTo(202);

		// n is 11 before and after the correction: wait for the counts it changes.
		JsonNode s1 = awaitNps("/api/v1/nps?store=S1&from=" + today + "&to=" + today, (nps) -> {
			assertThat(nps.get("n").asLong()).isEqualTo(11);
			assertThat(nps.get("promoters").asLong()).isEqualTo(6);
			assertThat(nps.get("passives").asLong()).isEqualTo(3);
			assertThat(nps.get("detractors").asLong()).isEqualTo(2);
			assertThat(nps.get("skipped").asLong()).isEqualTo(1);
		});
		assertThat(s1.get("nps").asDouble()).isCloseTo(100.0 * (6 - 2) / 11, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(s1.get("insufficient").asBoolean()).isTrue();
		assertThat(s1.get("withheld").asBoolean()).isFalse();
		// The histogram holds the same answers, score by score.
		long[] histogram = new long[11];
		for (int score = 0; score < 11; score++) {
			histogram[score] = s1.get("histogram").get(score).asLong();
		}
		assertThat(s1.get("histogram")).hasSize(11);
		assertThat(histogram[9] + histogram[10]).isEqualTo(6);
		assertThat(histogram[7] + histogram[8]).isEqualTo(3);
		assertThat(java.util.Arrays.stream(histogram, 0, 7).sum()).isEqualTo(2);

		JsonNode all = awaitNps("/api/v1/nps?window=7d", 12);
		assertThat(all.get("promoters").asLong()).isEqualTo(7);

		JsonNode trend = json.readTree(
				get("/api/v1/nps/trend?store=S1&granularity=day&from=" + today.minusDays(2) + "&to=" + today).body());
		assertThat(trend.get("points")).hasSize(3);
		assertThat(trend.get("points").get(2).get("n").asLong()).isEqualTo(11);
		assertThat(trend.get("points").get(1).get("withheld").asBoolean()).isTrue();

		HttpResponse<String> breakdown = get("/api/v1/nps/breakdown?dimension=store&window=7d");
		assertThat(breakdown.statusCode()).as(breakdown.body()).isEqualTo(200);
		JsonNode slices = json.readTree(breakdown.body()).get("slices");
		// Other tests answer in store S9 (skipped questions only): withheld, last.
		assertThat(slices.get(0).get("value").asString()).isEqualTo("S1");
		assertThat(slices.get(0).get("rank").asInt()).isEqualTo(1);
		assertThat(slices.get(0).get("n").asLong()).isEqualTo(11);
		assertThat(slices.get(1).get("value").asString()).isEqualTo("S2");
		assertThat(slices.get(1).get("withheld").asBoolean()).isTrue();
		assertThat(slices.get(1).get("rank").isNull()).isTrue();
		assertThat(slices.get(1).get("nps").isNull()).isTrue();

		awaitLatestScore("store=S1", (score) -> {
			assertThat(score.getPromoters()).isEqualTo(6);
			assertThat(score.getPassives()).isEqualTo(3);
			assertThat(score.getDetractors()).isEqualTo(2);
			assertThat(score.getDay()).isEqualTo(today);
		});
	}

	@Test
	void shouldRefuseAScoreThatIsNotAWholeNumberFromZeroToTenNamingIt() throws Exception {
		for (String score : List.of("11", "-1", "2.5", "\"7\"", "1e1")) {
			HttpResponse<String> refused = post("/api/v1/survey-responses",
					answer("r-bad", 5, "S1", Instant.now()).replace("\"score\": 5", "\"score\": " + score));

			assertThat(refused.statusCode()).as(score).isEqualTo(400);
			assertThat(pointers(refused)).as(score).containsExactly("/score");
		}
	}

	@Test
	void shouldNameEveryOffendingFieldOfAComplaint() throws Exception {
		HttpResponse<String> refused = post("/api/v1/complaints", """
				{"customerId": "c-1", "occurredAt": "%s", "complaintId": "cmp-1", "severity": "URGENT",
				 "text": "bell\\u0007", "mood": "angry"}
				""".formatted(Instant.now()));

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(pointers(refused)).containsExactlyInAnyOrder("/category", "/severity", "/text", "/mood");
	}

	@Test
	void shouldPublishComplaintsAndResolutionsInOrderAndRefuseAResolutionBeforeItsComplaintInABatch() throws Exception {
		Instant now = Instant.now();
		String customer = "c-complaints-" + RUN;
		HttpResponse<String> filed = post("/api/v1/complaints", complaint("cmp-1", customer, now));
		HttpResponse<String> resolved = post("/api/v1/complaints/cmp-1/resolution", """
				{"eventId": "res-1-%s", "customerId": "%s", "occurredAt": "%s", "resolution": "REFUNDED",
				 "customerSatisfied": true}
				""".formatted(RUN, customer, now.plusSeconds(1)));
		HttpResponse<String> contradicted = post("/api/v1/complaints/cmp-1/resolution", """
				{"customerId": "%s", "occurredAt": "%s", "complaintId": "cmp-2", "resolution": "REFUNDED"}
				""".formatted(customer, now));
		HttpResponse<String> batch = post("/api/v1/events:batch", """
				{"events": [
				  {"type": "ComplaintResolved", "eventId": "res-2-%1$s", "customerId": "%2$s", "occurredAt": "%3$s",
				   "complaintId": "cmp-2", "resolution": "EXPLAINED"},
				  %4$s,
				  %5$s
				]}
				""".formatted(RUN, customer, now,
				complaint("cmp-2", customer, now).replace("{", "{\"type\": \"ComplaintFiled\", "),
				answer("r-batch", null, "S9", now).replace("{", "{\"type\": \"SurveyResponded\", ")));

		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(202);
		assertThat(filed.body()).contains("\"type\":\"ComplaintFiled\"", "\"topic\":\"complaints-it-" + RUN);
		assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(202);
		assertThat(pointers(contradicted)).containsExactly("/complaintId");
		assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
		JsonNode results = json.readTree(batch.body()).get("results");
		assertThat(results.get(0).get("status").asInt()).isEqualTo(400);
		assertThat(results.get(0).get("problem").get("errors").get(0).get("pointer").asString())
			.isEqualTo("/events/0/complaintId");
		assertThat(results.get(1).get("status").asInt()).isEqualTo(202);
		assertThat(results.get(2).get("status").asInt()).isEqualTo(202);
		assertThat(complaintsOf(customer, 3)).containsExactly("ComplaintFiled:cmp-1", "ComplaintResolved:cmp-1",
				"ComplaintFiled:cmp-2");
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		JsonNode[] kpis = new JsonNode[1];
		await("complaint KPIs of S1").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			HttpResponse<String> response = get("/api/v1/complaints/kpis?store=S1&from=" + today + "&to=" + today);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			kpis[0] = json.readTree(response.body());
			assertThat(kpis[0].get("resolved").asLong()).isEqualTo(1);
			assertThat(kpis[0].get("filed").asLong()).isEqualTo(2);
		});
		assertThat(kpis[0].get("open").asLong()).isEqualTo(1);
		assertThat(kpis[0].get("byCategory").get("DELIVERY").asLong()).isEqualTo(2);
		assertThat(kpis[0].get("bySeverity").get("HIGH").asLong()).isEqualTo(2);
		assertThat(kpis[0].get("medianTimeToResolve").asString()).isEqualTo("PT1S");
	}

	@Test
	void shouldNeedTheScopeOfEachEventAndCredentialsForAll() throws Exception {
		Instant now = Instant.now();
		HttpResponse<String> forbidden = exchange(HttpRequest.newBuilder(uri("/api/v1/survey-responses"))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", TestApiKeys.POINTS_READ_ONLY)
			.POST(HttpRequest.BodyPublishers.ofString(answer("r-forbidden", 9, "S1", now))));
		HttpResponse<String> anonymous = exchange(HttpRequest.newBuilder(uri("/api/v1/nps")).GET());

		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(json.readTree(forbidden.body()).get("requiredScope").asString()).isEqualTo("surveys:write");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void shouldSendAPostPurchaseInvitationOnceDue() throws Exception {
		TopicCatalogue catalogue = new TopicCatalogue(Map.of("schema.registry.url",
				ApicurioRegistryProcess.shared().confluentApiUrl(), "loyalty.topics.purchases", "purchases-it-" + RUN,
				"loyalty.topics.survey-invitations", "survey-invitations-it-" + RUN));
		Topic<String, SpecificRecord> purchases = catalogue.purchases();
		String customer = "c-invited-" + RUN;
		Instant now = Instant.now();
		PurchaseCompleted purchase = PurchaseCompleted.newBuilder()
			.setEventId("purchase-" + RUN)
			.setCustomerId(customer)
			.setOccurredAt(now)
			.setOrderId("o-" + RUN)
			.setStoreId("S1")
			.setChannel("WEB")
			.setLines(List.of(OrderLine.newBuilder()
				.setLineId("1")
				.setSku("SKU-TEA")
				.setCategory("GROCERY")
				.setQuantity(1)
				.setUnitPrice(new BigDecimal("4.5000"))
				.build()))
			.setTotal(new BigDecimal("4.5000"))
			.setCurrency("EUR")
			.build();
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()),
				purchases.keySerde().serializer(), purchases.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(purchases.name(), null, now.toEpochMilli(), customer, purchase)).get();
		}

		Topic<String, SurveyInvitationDue> invitations = catalogue.surveyInvitations();
		List<SurveyInvitationDue> received = new ArrayList<>();
		try (KafkaConsumer<String, SurveyInvitationDue> consumer = new KafkaConsumer<>(consumerConfig(),
				invitations.keySerde().deserializer(), invitations.valueSerde().deserializer())) {
			consumer.subscribe(List.of(invitations.name()));
			await("the invitation of " + customer).atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> received.add(record.value()));
				assertThat(received).isNotEmpty();
			});
		}
		assertThat(received).singleElement().satisfies((invitation) -> {
			assertThat(invitation.getCustomerId()).isEqualTo(customer);
			assertThat(invitation.getEventId()).isEqualTo("invitation:purchase-" + RUN);
			assertThat(invitation.getOccurredAt()).isEqualTo(now.truncatedTo(ChronoUnit.MILLIS).plusSeconds(1));
		});
	}

	private List<String> complaintsOf(String customer, int count) {
		Topic<String, SpecificRecord> topic = new TopicCatalogue(
				Map.of("schema.registry.url", ApicurioRegistryProcess.shared().confluentApiUrl(),
						"loyalty.topics.complaints", "complaints-it-" + RUN))
			.complaints();
		List<String> events = new ArrayList<>();
		try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(consumerConfig(),
				topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
			consumer.subscribe(List.of(topic.name()));
			await("complaints of " + customer).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (record.key().equals(customer)) {
						events.add(record.value().getSchema().getName() + ":"
								+ record.value().get(record.value().getSchema().getField("complaintId").pos()));
					}
				});
				assertThat(events).hasSize(count);
			});
		}
		return events;
	}

	private static String complaint(String complaintId, String customer, Instant at) {
		return """
				{"eventId": "%s-%s", "customerId": "%s", "occurredAt": "%s", "complaintId": "%s",
				 "category": "DELIVERY", "severity": "HIGH", "orderId": "o-1", "text": "Box arrived\\nopened.",
				 "storeId": "S1", "channel": "WEB"}
				""".formatted(complaintId, RUN, customer, at, complaintId);
	}

	private static List<String> pointers(HttpResponse<String> problem) {
		List<String> pointers = new ArrayList<>();
		json.readTree(problem.body()).get("errors").forEach((error) -> pointers.add(error.get("pointer").asString()));
		return pointers;
	}

	private JsonNode awaitNps(String path, long n) {
		return awaitNps(path, (nps) -> assertThat(nps.get("n").asLong()).isEqualTo(n));
	}

	private JsonNode awaitNps(String path, Consumer<JsonNode> expectation) {
		JsonNode[] last = new JsonNode[1];
		await(path).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			HttpResponse<String> response = get(path);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			last[0] = json.readTree(response.body());
			expectation.accept(last[0]);
		});
		return last[0];
	}

	/** Waits until the last update of the slice on nps-scores is the expected one. */
	private void awaitLatestScore(String slice, Consumer<NpsScoreUpdated> expectation) {
		Topic<String, NpsScoreUpdated> topic = new TopicCatalogue(Map.of("schema.registry.url",
				ApicurioRegistryProcess.shared().confluentApiUrl(), "loyalty.topics.nps-scores", NPS_SCORES))
			.npsScores();
		List<NpsScoreUpdated> updates = new ArrayList<>();
		try (KafkaConsumer<String, NpsScoreUpdated> consumer = new KafkaConsumer<>(consumerConfig(),
				topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
			consumer.subscribe(List.of(topic.name()));
			await("nps-scores of " + slice).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (record.key().equals(slice)) {
						updates.add(record.value());
					}
				});
				assertThat(updates).isNotEmpty();
				expectation.accept(updates.getLast());
			});
		}
	}

	private static Map<String, Object> consumerConfig() {
		return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
	}

	private static String answer(String responseId, Integer score, String store, Instant at) {
		return """
				{"eventId": "%s", "customerId": "c-%s", "occurredAt": "%s", "responseId": "%s", "surveyId": "Q4",
				 "score": %s, "touchpoint": "DELIVERY", "storeId": "%s", "channel": "WEB",
				 "comment": "Line one.\\nLine two."}
				""".formatted(RUN + "-" + responseId + "-" + at.toEpochMilli(), responseId, at, RUN + responseId, score,
				store);
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return exchange(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + TestApiKeys.ALL_SCOPES)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return exchange(HttpRequest.newBuilder(uri(path)).header("X-Api-Key", TestApiKeys.POINTS_READ_ONLY).GET());
	}

	private HttpResponse<String> exchange(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
