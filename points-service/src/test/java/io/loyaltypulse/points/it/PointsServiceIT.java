package io.loyaltypulse.points.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.schemas.topics.TopicProvisioner;
import io.loyaltypulse.testsupport.ApicurioRegistryProcess;
import io.loyaltypulse.testsupport.ManagedProcess;
import io.loyaltypulse.testsupport.SharedBroker;
import io.loyaltypulse.testsupport.TestApiKeys;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two points-service instances (separate JVMs running the packaged jar) on a real broker
 * (embedded KRaft) and a real schema registry (Apicurio): queries are answered by either
 * instance, forwarded to the owner; one instance is killed (SIGKILL) in the middle of a
 * stream of purchases and the other takes over; every customer ends with exactly the
 * points their purchases earned, and the ledger holds exactly one EARN per purchase.
 */
class PointsServiceIT {

	static final Path JAR = Path.of(System.getProperty("points.service.jar", "target/points-service.jar"));

	static final int CUSTOMERS = 12;

	static final int ROUNDS = 40;

	static final JsonMapper json = JsonMapper.builder().build();

	static String bootstrapServers;

	static String registryUrl;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@BeforeAll
	static void startInfrastructure() {
		bootstrapServers = SharedBroker.bootstrapServers();
		registryUrl = ApicurioRegistryProcess.shared().confluentApiUrl();
	}

	@Test
	void shouldForwardQueriesAndEndWithExactBalancesWhenAnInstanceCrashesMidStream() throws Exception {
		String applicationId = "points-it-" + UUID.randomUUID();
		// Under target/, not a temporary folder: the instances' logs stay for a failed
		// run.
		Path workDir = Path.of("target", applicationId).toAbsolutePath();
		List<String> arguments = List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers,
				"--spring.kafka.properties.schema.registry.url=" + registryUrl,
				"--spring.kafka.streams.application-id=" + applicationId,
				"--spring.kafka.streams.properties.session.timeout.ms=6000",
				"--spring.kafka.streams.properties.heartbeat.interval.ms=1000", "--loyalty.points.tiers[0].name=BASE",
				"--loyalty.points.tiers[0].threshold=0", "--loyalty.security.api-keys[0].name=admin-it",
				"--loyalty.security.api-keys[0].sha256=" + TestApiKeys.ALL_SCOPES_SHA256,
				"--loyalty.security.api-keys[0].scopes=points:read,points:redeem,points:admin",
				"--loyalty.security.api-keys[1].name=shop-it",
				"--loyalty.security.api-keys[1].sha256=" + TestApiKeys.INVOICES_ONLY_SHA256,
				"--loyalty.security.api-keys[1].scopes=points:read,points:redeem");
		TopicCatalogue catalogue = new TopicCatalogue(Map.of("schema.registry.url", registryUrl));
		// As deploy/local/start.sh does before it starts the services.
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			new TopicProvisioner(admin, Duration.ofSeconds(30)).withRetention(TopicProvisioner.DEFAULT_EVENT_RETENTION)
				.ensure(catalogue.newTopics(EventTopics.all(), true));
		}
		Topic<String, SpecificRecord> purchases = catalogue.purchases();
		Map<String, Long> expected = new HashMap<>();

		try (ManagedProcess first = ManagedProcess.start("instance-1", JAR, workDir, arguments);
				ManagedProcess second = ManagedProcess.start("instance-2", JAR, workDir, arguments);
				KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(producerConfig(),
						new StringSerializer(), purchases.valueSerde().serializer())) {
			first.awaitReady(this.http);
			second.awaitReady(this.http);

			sendRounds(producer, purchases.name(), 1, ROUNDS / 2, expected, Duration.ZERO);
			Set<String> servers = new HashSet<>();
			for (int customer = 0; customer < CUSTOMERS; customer++) {
				String customerId = customerId(customer);
				long points = expected.get(customerId);
				JsonNode fromFirst = awaitBalance(first, customerId, points);
				JsonNode fromSecond = awaitBalance(second, customerId, points);
				assertThat(fromFirst).isEqualTo(fromSecond);
				servers.add(servedBy(first, customerId));
				assertThat(servedBy(second, customerId)).isEqualTo(servedBy(first, customerId));
			}
			assertThat(servers).as("customers are spread over both instances, and each answers for all")
				.containsExactlyInAnyOrder(first.applicationServer(), second.applicationServer());

			// The second half arrives as a stream; the first instance dies in the middle
			// of it.
			CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> sendRounds(producer, purchases.name(),
					ROUNDS / 2 + 1, ROUNDS, expected, Duration.ofMillis(150)));
			await().atMost(Duration.ofSeconds(30)).until(() -> ledgerSize() > CUSTOMERS * ROUNDS / 2 + 20);
			assertThat(stream).as("the crash comes in the middle of the stream").isNotDone();
			first.crash();
			stream.get();

			for (int customer = 0; customer < CUSTOMERS; customer++) {
				String customerId = customerId(customer);
				JsonNode balance = awaitBalance(second, customerId, expected.get(customerId));
				assertThat(balance.get("pending").asLong()).isEqualTo(expected.get(customerId));
				assertThat(servedBy(second, customerId)).isEqualTo(second.applicationServer());
			}
			assertExactlyOneEarnPerPurchase(expected);
			assertRedemptionsAnswerWithTheOutcome(second);
			assertUndecodableBytesGoToTheDeadLetterTopic(second);
		}
	}

	private void sendRounds(KafkaProducer<String, SpecificRecord> producer, String topic, int fromRound, int toRound,
			Map<String, Long> expected, Duration pause) {
		Instant start = Instant.now().minusSeconds(3_600);
		for (int round = fromRound; round <= toRound; round++) {
			for (int customer = 0; customer < CUSTOMERS; customer++) {
				String customerId = customerId(customer);
				long amount = customer + round;
				PurchaseCompleted purchase = ItPurchases.purchase("it-purchase-" + customerId + "-" + round, customerId,
						customerId + "-o" + round, start.plusSeconds(round), amount);
				producer.send(new ProducerRecord<>(topic, null, purchase.getOccurredAt().toEpochMilli(), customerId,
						purchase));
				synchronized (expected) {
					expected.merge(customerId, amount, Long::sum);
				}
			}
			producer.flush();
			pauseFor(pause);
		}
	}

	private JsonNode awaitBalance(ManagedProcess instance, String customerId, long points) {
		JsonNode[] last = new JsonNode[1];
		await(customerId + " on " + instance.applicationServer()).atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(300))
			.untilAsserted(() -> {
				HttpResponse<String> response = get(instance, "/api/v1/customers/" + customerId + "/points");
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				last[0] = json.readTree(response.body());
				assertThat(last[0].get("available").asLong() + last[0].get("pending").asLong()).isEqualTo(points);
			});
		return last[0];
	}

	private String servedBy(ManagedProcess instance, String customerId) throws Exception {
		return get(instance, "/api/v1/customers/" + customerId + "/points").headers()
			.firstValue("X-Loyalty-Served-By")
			.orElseThrow();
	}

	private void assertExactlyOneEarnPerPurchase(Map<String, Long> expected) {
		List<PointsTransaction> ledger = readLedger(CUSTOMERS * ROUNDS);
		assertThat(ledger).allSatisfy((entry) -> assertThat(entry.getKind()).isEqualTo(PointsTransactionKind.EARN));
		assertThat(ledger).extracting(PointsTransaction::getSourceEventId)
			.as("no purchase credited twice, none lost")
			.doesNotHaveDuplicates()
			.hasSize(CUSTOMERS * ROUNDS);
		Map<String, Long> folded = new HashMap<>();
		ledger.forEach((entry) -> folded.merge(entry.getCustomerId(), entry.getPoints(), Long::sum));
		assertThat(folded).isEqualTo(expected);
	}

	private void assertRedemptionsAnswerWithTheOutcome(ManagedProcess instance) throws Exception {
		String customerId = customerId(3);
		// Credit available points first (purchases are still pending), as an
		// administrator.
		HttpResponse<String> credited = post(instance, "/api/v1/admin/customers/" + customerId + "/adjustments",
				"credit-1", "{\"points\":100,\"reason\":\"IT credit\",\"actor\":\"admin-it\"}",
				Map.of("X-Api-Key", TestApiKeys.ALL_SCOPES));
		assertThat(credited.statusCode()).as(credited.body()).isEqualTo(200);

		HttpResponse<String> approved = post(instance, "/api/v1/customers/" + customerId + "/redemptions", "r-1",
				"{\"points\":60}", Map.of());
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		JsonNode outcome = json.readTree(approved.body());
		assertThat(outcome.get("available").asLong()).isEqualTo(40);
		HttpResponse<String> retried = post(instance, "/api/v1/customers/" + customerId + "/redemptions", "r-1",
				"{\"points\":60}", Map.of());
		assertThat(json.readTree(retried.body()).get("transactionId")).isEqualTo(outcome.get("transactionId"));
		HttpResponse<String> refused = post(instance, "/api/v1/customers/" + customerId + "/redemptions", "r-2",
				"{\"points\":41}", Map.of());
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(json.readTree(refused.body()).get("decision").asString()).isEqualTo("INSUFFICIENT_POINTS");
		assertThat(json.readTree(refused.body()).get("status").asInt()).isEqualTo(409);
		HttpResponse<String> forbidden = post(instance, "/api/v1/admin/customers/" + customerId + "/adjustments",
				"credit-2", "{\"points\":100,\"reason\":\"no admin scope\",\"actor\":\"admin-it\"}", Map.of());
		assertThat(forbidden.statusCode()).isEqualTo(403);
		HttpResponse<String> anonymous = this.http
			.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/api/v1/customers/" + customerId + "/points"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private void assertUndecodableBytesGoToTheDeadLetterTopic(ManagedProcess instance) throws Exception {
		byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(EventTopics.PURCHASES.key(), customerId(0), garbage)).get();
		}
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(EventTopics.PURCHASES.key() + ".DLT"));
			List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
				return !deadLetters.isEmpty();
			});
			assertThat(deadLetters).singleElement().satisfies((record) -> {
				assertThat(record.value()).isEqualTo(garbage);
				assertThat(
						new String(record.headers().lastHeader("loyalty.dlt.reason").value(), StandardCharsets.UTF_8))
					.contains("magic byte");
			});
		}
		// and processing continues
		awaitBalance(instance, customerId(0), ledgerTotal(customerId(0)));
	}

	private long ledgerTotal(String customerId) {
		return readLedger(CUSTOMERS * ROUNDS + 2).stream()
			.filter((entry) -> entry.getCustomerId().equals(customerId))
			.mapToLong(PointsTransaction::getPoints)
			.sum();
	}

	private long ledgerSize() {
		try (KafkaConsumer<String, PointsTransaction> consumer = ledgerConsumer()) {
			var partitions = consumer.partitionsFor(EventTopics.POINTS_LEDGER.key())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	private List<PointsTransaction> readLedger(int atLeast) {
		List<PointsTransaction> entries = new ArrayList<>();
		try (KafkaConsumer<String, PointsTransaction> consumer = ledgerConsumer()) {
			consumer.subscribe(List.of(EventTopics.POINTS_LEDGER.key()));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> entries.add(record.value()));
				if (entries.size() >= atLeast && consumer.poll(Duration.ofSeconds(1)).isEmpty()) {
					break;
				}
			}
		}
		return entries;
	}

	private KafkaConsumer<String, PointsTransaction> ledgerConsumer() {
		TopicCatalogue catalogue = new TopicCatalogue(Map.of("schema.registry.url", registryUrl));
		return new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
				catalogue.topic(EventTopics.POINTS_LEDGER).valueSerde().deserializer());
	}

	private HttpResponse<String> get(ManagedProcess instance, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + path))
			.header("X-Api-Key", TestApiKeys.INVOICES_ONLY)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(ManagedProcess instance, String path, String idempotencyKey, String body,
			Map<String, String> headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.baseUrl() + path))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		Map.of("X-Api-Key", TestApiKeys.INVOICES_ONLY).forEach((name, value) -> {
			if (!headers.containsKey(name)) {
				request.header(name, value);
			}
		});
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, Object> producerConfig() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
	}

	private static Map<String, Object> consumerConfig() {
		return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
				"it-reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
	}

	private static String customerId(int index) {
		return "it-customer-" + index;
	}

	/** Paces the producer: the purchases arrive as a stream, not in one burst. */
	private static void pauseFor(Duration pause) {
		if (pause.isZero()) {
			return;
		}
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
