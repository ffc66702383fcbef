package io.loyaltypulse.purchase.it;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.loyaltypulse.events.InvoicePaymentReceived;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.purchase.PurchaseServiceApplication;
import io.loyaltypulse.testsupport.SharedBroker;
import io.loyaltypulse.testsupport.TestApiKeys;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.testsupport.ApicurioRegistryProcess;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service as it runs: a real Kafka broker (embedded KRaft) and the real schema
 * registry (Apicurio, Confluent API), driven over HTTP; events are read back with the
 * {@code schemas} serde.
 */
@SpringBootTest(classes = PurchaseServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PurchaseServiceIT {

	static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	static final String PURCHASES = "purchases-it-" + RUN;

	static final String INVOICES = "invoices-it-" + RUN;

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedBroker::bootstrapServers);
		registry.add("spring.kafka.properties.schema.registry.url",
				() -> ApicurioRegistryProcess.shared().confluentApiUrl());
		registry.add("loyalty.topics.purchases", () -> PURCHASES);
		registry.add("loyalty.topics.invoices", () -> INVOICES);
		registry.add("loyalty.security.api-keys[0].name", () -> "shop-a");
		registry.add("loyalty.security.api-keys[0].sha256", () -> TestApiKeys.ALL_SCOPES_SHA256);
		registry.add("loyalty.security.api-keys[0].scopes", () -> "purchases:write,invoices:write");
		registry.add("loyalty.security.api-keys[1].name", () -> "billing-only");
		registry.add("loyalty.security.api-keys[1].sha256", () -> TestApiKeys.INVOICES_ONLY_SHA256);
		registry.add("loyalty.security.api-keys[1].scopes", () -> "invoices:write");
	}

	@BeforeAll
	static void createTopics() {
		SharedBroker.createTopics(PURCHASES, INVOICES);
	}

	private static TopicCatalogue catalogue() {
		return new TopicCatalogue(Map.of("schema.registry.url", ApicurioRegistryProcess.shared().confluentApiUrl(),
				"loyalty.topics.purchases", PURCHASES, "loyalty.topics.invoices", INVOICES));
	}

	@Test
	void shouldPublishAnAcceptedPurchaseKeyedByCustomerAndDecodableWithTheSchemasSerde() throws Exception {
		String customer = "c-" + UUID.randomUUID();
		HttpResponse<String> response = new Http(this.port).post("/api/v1/purchases", TestApiKeys.ALL_SCOPES,
				Bodies.purchase("evt-single-" + RUN, customer));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(response.body()).contains("\"eventId\":\"evt-single-" + RUN + "\"",
				"\"topic\":\"" + PURCHASES + "\"");
		try (TopicReader reader = new TopicReader(catalogue().purchases())) {
			ConsumerRecord<String, SpecificRecord> record = reader.awaitRecordsOf(customer, 1).getFirst();
			assertThat(record.key()).isEqualTo(customer);
			assertThat(record.timestamp()).isEqualTo(Instant.parse("2026-11-20T10:15:30.123Z").toEpochMilli());
			assertThat(record.value()).isInstanceOfSatisfying(PurchaseCompleted.class, (purchase) -> {
				assertThat(purchase.getEventId()).isEqualTo("evt-single-" + RUN);
				assertThat(purchase.getTotal()).isEqualByComparingTo("20.00");
				assertThat(purchase.getLines()).extracting((line) -> line.getUnitPrice())
					.containsExactly(new BigDecimal("4.5000"), new BigDecimal("12.0001"));
				assertThat(purchase.getPaymentTerms().getNetDays()).isEqualTo(30);
			});
		}
	}

	@Test
	void shouldPublishTheGoodItemsOfABatchAndReportTheBadOnes() throws Exception {
		String customer = "c-" + UUID.randomUUID();
		String body = "{\"events\": [%s, %s, %s]}".formatted(
				Bodies.batchItem("InvoiceIssued", Bodies.invoice("b-inv-" + RUN, customer)),
				Bodies.batchItem("InvoicePaymentReceived",
						Bodies.payment("b-pay-" + RUN, customer, "inv-b-inv-" + RUN)),
				Bodies.batchItem("InvoicePaymentReceived",
						Bodies.payment("b-bad-" + RUN, customer, "inv-1").replace("\"EUR\"", "\"XYZ1\"")));

		HttpResponse<String> response = new Http(this.port).post("/api/v1/events:batch", TestApiKeys.ALL_SCOPES, body);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"accepted\":2", "\"rejected\":1", "/events/2/currency");
		try (TopicReader reader = new TopicReader(catalogue().invoices())) {
			List<ConsumerRecord<String, SpecificRecord>> records = reader.awaitRecordsOf(customer, 2);
			assertThat(records).extracting(ConsumerRecord::key).containsOnly(customer);
			assertThat(records).extracting((record) -> record.value().getClass().getSimpleName())
				.containsExactly("InvoiceIssued", "InvoicePaymentReceived");
			assertThat(((InvoicePaymentReceived) records.get(1).value()).getAmount()).isEqualByComparingTo("60");
			// One customer, one partition: the payment can never overtake its invoice.
			assertThat(records).extracting(ConsumerRecord::partition).containsOnly(records.get(0).partition());
		}
	}

	@Test
	void shouldAnswerARetryWithTheSameEventIdAndPublishItOnce() throws Exception {
		String customer = "c-" + UUID.randomUUID();
		Http http = new Http(this.port);
		HttpResponse<String> first = http.post("/api/v1/purchases", TestApiKeys.ALL_SCOPES,
				Bodies.purchase("evt-retry-" + RUN, customer));
		HttpResponse<String> retry = http.post("/api/v1/purchases", TestApiKeys.ALL_SCOPES,
				Bodies.purchase("evt-retry-" + RUN, customer));

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(first.body()).contains("\"eventId\":\"evt-retry-" + RUN + "\"", "\"seenRecently\":false");
		assertThat(retry.statusCode()).isEqualTo(202);
		assertThat(retry.body()).contains("\"eventId\":\"evt-retry-" + RUN + "\"", "\"seenRecently\":true");
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		// A later event of the same customer marks the end: the retry did not add a
		// record before it.
		http.post("/api/v1/purchases", TestApiKeys.ALL_SCOPES, Bodies.purchase("evt-after-" + RUN, customer));
		try (TopicReader reader = new TopicReader(catalogue().purchases())) {
			assertThat(reader.awaitRecordsOf(customer, 2))
				.extracting((record) -> ((PurchaseCompleted) record.value()).getEventId())
				.containsExactly("evt-retry-" + RUN, "evt-after-" + RUN);
		}
	}

	@Test
	void shouldAnswer401WithoutAValidKeyAnd403WithoutTheScope() throws Exception {
		Http http = new Http(this.port);
		HttpResponse<String> anonymous = http.post("/api/v1/purchases", null, Bodies.purchase("evt-401", "c-x"));
		HttpResponse<String> wrongKey = http.post("/api/v1/purchases", "guess", Bodies.purchase("evt-401", "c-x"));
		HttpResponse<String> noScope = http.post("/api/v1/purchases", TestApiKeys.INVOICES_ONLY,
				Bodies.purchase("evt-403", "c-x"));

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
		assertThat(anonymous.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(wrongKey.statusCode()).isEqualTo(401);
		assertThat(noScope.statusCode()).isEqualTo(403);
		assertThat(noScope.body()).contains("\"requiredScope\":\"purchases:write\"");
	}

	@Test
	void shouldServeTheCommittedOpenApiDocumentDescribingEveryEndpoint() throws Exception {
		String committed = Files.readString(Path.of("src/main/resources/static/openapi.yaml"), StandardCharsets.UTF_8);

		HttpResponse<String> anonymous = new Http(this.port).get("/openapi.yaml");
		HttpResponse<String> served = new Http(this.port).get("/openapi.yaml", TestApiKeys.INVOICES_ONLY);

		assertThat(anonymous.statusCode()).as("every endpoint but health, info and prometheus needs credentials")
			.isEqualTo(401);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.body()).isEqualTo(committed);
		Map<String, Object> document = new Yaml().load(committed);
		assertThat(document).containsEntry("openapi", "3.1.0");
		@SuppressWarnings("unchecked")
		Set<String> documented = ((Map<String, Object>) document.get("paths")).keySet();
		Set<String> mapped = this.mappings.getHandlerMethods()
			.keySet()
			.stream()
			.flatMap((info) -> info.getPatternValues().stream())
			.filter((pattern) -> pattern.startsWith("/api/"))
			.collect(Collectors.toSet());
		assertThat(documented).containsExactlyInAnyOrderElementsOf(mapped);
	}

	@Test
	void shouldBeReadyWithKafkaAndExposeIngestMetrics() throws Exception {
		Http http = new Http(this.port);
		http.post("/api/v1/purchases", TestApiKeys.ALL_SCOPES, "{}");

		HttpResponse<String> readiness = http.get("/actuator/health/readiness");
		HttpResponse<String> liveness = http.get("/actuator/health/liveness");
		HttpResponse<String> metrics = http.get("/actuator/prometheus");

		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains(
				"loyalty_ingest_events_total{application=\"purchase-service\",outcome=\"rejected\",reason=\"invalid\",type=\"PurchaseCompleted\"}");
	}

}
