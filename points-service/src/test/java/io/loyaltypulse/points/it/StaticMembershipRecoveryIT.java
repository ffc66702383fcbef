package io.loyaltypulse.points.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recovery after a kill -9 with static membership ({@code loyalty.streams.instance-id}),
 * as a StatefulSet restarts a pod under the same name: the killed instance comes back
 * with its id and its state directory and takes its tasks back without waiting for its
 * old session to time out. The session timeout here is five minutes, so that only static
 * membership can bring every customer back within the bound below (a dynamic member would
 * wait for the dead one to be evicted). Prints the time from the restart to every balance
 * answered exactly, for the README.
 */
class StaticMembershipRecoveryIT {

	private static final Logger log = LoggerFactory.getLogger(StaticMembershipRecoveryIT.class);

	private static final Path JAR = Path.of(System.getProperty("points.service.jar", "target/points-service.jar"));

	private static final int CUSTOMERS = 12;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void shouldTakeItsTasksBackAtOnceWhenAKilledInstanceRestartsUnderItsId() throws Exception {
		String bootstrapServers = SharedBroker.bootstrapServers();
		String registryUrl = ApicurioRegistryProcess.shared().confluentApiUrl();
		String applicationId = "points-static-" + UUID.randomUUID();
		Path workDir = Path.of("target", applicationId).toAbsolutePath();
		// Topics of its own: the broker is shared with the other ITs of this JVM.
		Map<String, Object> names = new HashMap<>();
		EventTopics.all()
			.forEach((topic) -> names.put(TopicCatalogue.NAME_PREFIX + topic.key(), topic.key() + "-" + applicationId));
		Map<String, Object> catalogueConfig = new HashMap<>(names);
		catalogueConfig.put("schema.registry.url", registryUrl);
		TopicCatalogue catalogue = new TopicCatalogue(catalogueConfig);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			new TopicProvisioner(admin, Duration.ofSeconds(30)).withRetention(TopicProvisioner.DEFAULT_EVENT_RETENTION)
				.ensure(catalogue.newTopics(EventTopics.all(), true));
		}
		Map<String, Long> expected = new HashMap<>();
		List<String> arguments = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + bootstrapServers,
				"--spring.kafka.properties.schema.registry.url=" + registryUrl,
				"--spring.kafka.streams.application-id=" + applicationId));
		names.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		try (ManagedProcess first = start("points-0", workDir, arguments);
				ManagedProcess second = start("points-1", workDir, arguments)) {
			first.awaitReady(this.http);
			second.awaitReady(this.http);
			sendPurchases(catalogue, bootstrapServers, 1, expected);
			awaitEveryBalance(List.of(first, second), expected, Duration.ofSeconds(90));

			first.crash();
			Instant restarted = Instant.now();
			try (ManagedProcess again = first.restart()) {
				again.awaitReady(this.http);
				sendPurchases(catalogue, bootstrapServers, 2, expected);
				awaitEveryBalance(List.of(again, second), expected, Duration.ofSeconds(120));
				Duration recovery = Duration.between(restarted, Instant.now());
				log.info(
						"points-service recovery after kill -9 and a restart under the same instance id: {} s "
								+ "(JVM start, state from its disk, no rebalance; session.timeout.ms 300000)",
						recovery.toMillis() / 1000.0);
				assertThat(servers(List.of(again, second))).as("the restarted instance owns customers again")
					.contains(again.applicationServer());
			}
		}
	}

	private ManagedProcess start(String instance, Path workDir, List<String> common) throws Exception {
		List<String> arguments = new ArrayList<>(common);
		arguments.addAll(List.of("--spring.kafka.streams.properties.session.timeout.ms=300000",
				"--loyalty.streams.instance-id=" + instance, "--loyalty.points.tiers[0].name=BASE",
				"--loyalty.points.tiers[0].threshold=0", "--loyalty.security.api-keys[0].name=reader",
				"--loyalty.security.api-keys[0].sha256=" + TestApiKeys.POINTS_READ_ONLY_SHA256,
				"--loyalty.security.api-keys[0].scopes=points:read"));
		return ManagedProcess.start(instance, JAR, workDir, arguments);
	}

	private void sendPurchases(TopicCatalogue catalogue, String bootstrapServers, int round, Map<String, Long> expected)
			throws Exception {
		Topic<String, SpecificRecord> purchases = catalogue.purchases();
		Instant at = Instant.now().minusSeconds(3_600).plusSeconds(round);
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), purchases.valueSerde().serializer())) {
			for (int customer = 0; customer < CUSTOMERS; customer++) {
				String customerId = "static-c" + customer;
				long amount = 10L + customer + round;
				PurchaseCompleted purchase = ItPurchases.purchase("static-" + customerId + "-" + round, customerId,
						customerId + "-o" + round, at, amount);
				producer.send(new ProducerRecord<>(purchases.name(), null, at.toEpochMilli(), customerId, purchase))
					.get();
				expected.merge(customerId, amount, Long::sum);
			}
		}
	}

	private void awaitEveryBalance(List<ManagedProcess> instances, Map<String, Long> expected, Duration bound) {
		await("every balance on every instance").atMost(bound)
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> {
				for (ManagedProcess instance : instances) {
					for (Map.Entry<String, Long> customer : expected.entrySet()) {
						HttpResponse<String> response = get(instance, customer.getKey());
						assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
						JsonNode balance = this.json.readTree(response.body());
						assertThat(balance.get("available").asLong() + balance.get("pending").asLong())
							.isEqualTo(customer.getValue());
					}
				}
			});
	}

	private List<String> servers(List<ManagedProcess> instances) throws Exception {
		List<String> servers = new ArrayList<>();
		for (int customer = 0; customer < CUSTOMERS; customer++) {
			servers.add(get(instances.get(1), "static-c" + customer).headers()
				.firstValue("X-Loyalty-Served-By")
				.orElseThrow());
		}
		return servers;
	}

	private HttpResponse<String> get(ManagedProcess instance, String customerId) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/api/v1/customers/" + customerId + "/points"))
				.header("X-Api-Key", TestApiKeys.POINTS_READ_ONLY)
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
