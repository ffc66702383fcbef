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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.ReferralRegistered;
import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.schemas.topics.TopicDefinition;
import io.loyaltypulse.schemas.topics.TopicProvisioner;
import io.loyaltypulse.testsupport.ApicurioRegistryProcess;
import io.loyaltypulse.testsupport.ManagedProcess;
import io.loyaltypulse.testsupport.SharedBroker;
import io.loyaltypulse.testsupport.TestApiKeys;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A referral whose referrer's account lives on another partition than the new customer's,
 * on a real broker and a real registry with the packaged jar: once the new customer's
 * first purchase is past its return window, the new customer's task pays them and sends
 * the qualification, re-keyed by the referrer, through {@code points-referral-rewards} to
 * the task that owns the referrer, which pays the referrer exactly once, although the
 * referral and the purchase are delivered twice. Topic names are unique to this test, so
 * that other ITs on the shared broker do not see its ledger.
 */
class ReferralAcrossPartitionsIT {

	static final Path JAR = Path.of(System.getProperty("points.service.jar", "target/points-service.jar"));

	static final int PARTITIONS = 6;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	final String prefix = "referral-it-" + UUID.randomUUID().toString().substring(0, 8) + ".";

	@Test
	void shouldPayTheReferrerOnItsOwnPartitionExactlyOnceAfterTheReturnWindow() throws Exception {
		String bootstrapServers = SharedBroker.bootstrapServers();
		String registryUrl = ApicurioRegistryProcess.shared().confluentApiUrl();
		String referrer = "it-referrer";
		String newCustomer = newCustomerOnAnotherPartitionThan(referrer);
		Map<String, Object> config = new HashMap<>(Map.of("schema.registry.url", registryUrl));
		List<String> arguments = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers,
				"--spring.kafka.properties.schema.registry.url=" + registryUrl,
				"--spring.kafka.streams.application-id=" + this.prefix + "points",
				"--loyalty.points.punctuation-interval=1s", "--loyalty.points.idle-advance=1s",
				"--loyalty.security.api-keys[0].name=it",
				"--loyalty.security.api-keys[0].sha256=" + TestApiKeys.ALL_SCOPES_SHA256,
				"--loyalty.security.api-keys[0].scopes=points:read"));
		for (TopicDefinition<?> topic : EventTopics.all()) {
			config.put(TopicCatalogue.NAME_PREFIX + topic.key(), this.prefix + topic.key());
			arguments.add("--" + TopicCatalogue.NAME_PREFIX + topic.key() + "=" + this.prefix + topic.key());
		}
		TopicCatalogue catalogue = new TopicCatalogue(config);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			new TopicProvisioner(admin, Duration.ofSeconds(30)).withRetention(TopicProvisioner.DEFAULT_EVENT_RETENTION)
				.ensure(catalogue.newTopics(EventTopics.all(), true));
		}
		Path workDir = Path.of("target", this.prefix + "points").toAbsolutePath();
		// Past events: the first purchase's 30-day return window closed 9 days ago.
		Instant registered = Instant.now().minus(Duration.ofDays(40));
		Instant purchased = registered.plus(Duration.ofDays(1));
		ReferralRegistered referral = ReferralRegistered.newBuilder()
			.setEventId("it-referral-" + newCustomer)
			.setCustomerId(newCustomer)
			.setOccurredAt(registered)
			.setReferrerId(referrer)
			.build();

		try (ManagedProcess instance = ManagedProcess.start("points", JAR, workDir, arguments);
				KafkaProducer<String, SpecificRecord> engagements = producer(catalogue, EventTopics.ENGAGEMENTS);
				KafkaProducer<String, SpecificRecord> purchases = producer(catalogue, EventTopics.PURCHASES)) {
			instance.awaitReady(this.http);
			for (int delivery = 0; delivery < 2; delivery++) {
				engagements.send(record(catalogue.engagements().name(), newCustomer, registered, referral)).get();
				purchases
					.send(record(catalogue.purchases().name(), newCustomer, purchased,
							ItPurchases.purchase("it-first-purchase", newCustomer, "it-o1", purchased, 10)))
					.get();
			}

			awaitBalance(instance, newCustomer, 10 + 100);
			awaitBalance(instance, referrer, 200);
			List<PointsTransaction> bonuses = readLedger(catalogue, 3).stream()
				.filter((entry) -> entry.getKind() == PointsTransactionKind.BONUS)
				.toList();
			assertThat(bonuses).extracting(PointsTransaction::getCustomerId, PointsTransaction::getPoints)
				.containsExactlyInAnyOrder(org.assertj.core.api.Assertions.tuple(newCustomer, 100L),
						org.assertj.core.api.Assertions.tuple(referrer, 200L));
		}
	}

	private static String newCustomerOnAnotherPartitionThan(String referrer) {
		for (int i = 0;; i++) {
			String candidate = "it-new-customer-" + i;
			if (partitionOf(candidate) != partitionOf(referrer)) {
				return candidate;
			}
		}
	}

	/** The partition Kafka's default partitioner gives a key. */
	private static int partitionOf(String key) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
	}

	private void awaitBalance(ManagedProcess instance, String customerId, long points) {
		JsonMapper json = JsonMapper.builder().build();
		await(customerId).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
			HttpResponse<String> response = this.http.send(HttpRequest
				.newBuilder(URI.create(instance.baseUrl() + "/api/v1/customers/" + customerId + "/points"))
				.header("X-Api-Key", TestApiKeys.ALL_SCOPES)
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode balance = json.readTree(response.body());
			assertThat(balance.get("available").asLong() + balance.get("pending").asLong()).isEqualTo(points);
		});
	}

	private static ProducerRecord<String, SpecificRecord> record(String topic, String key, Instant at,
			SpecificRecord event) {
		return new ProducerRecord<>(topic, null, at.toEpochMilli(), key, event);
	}

	private static KafkaProducer<String, SpecificRecord> producer(TopicCatalogue catalogue,
			TopicDefinition<SpecificRecord> topic) {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
				new StringSerializer(), catalogue.topic(topic).valueSerde().serializer());
	}

	private List<PointsTransaction> readLedger(TopicCatalogue catalogue, int atLeast) {
		List<PointsTransaction> entries = new ArrayList<>();
		try (KafkaConsumer<String, PointsTransaction> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, this.prefix + "reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
						"earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
				new StringDeserializer(), catalogue.topic(EventTopics.POINTS_LEDGER).valueSerde().deserializer())) {
			consumer.subscribe(List.of(catalogue.name(EventTopics.POINTS_LEDGER)));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> entries.add(record.value()));
				if (entries.size() >= atLeast && consumer.poll(Duration.ofSeconds(2)).isEmpty()) {
					break;
				}
			}
		}
		return entries;
	}

}
