package io.loyaltypulse.churn.it;

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
import java.util.concurrent.Future;

import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.schemas.topics.TopicDefinition;
import io.loyaltypulse.testsupport.ApicurioRegistryProcess;
import io.loyaltypulse.testsupport.SharedBroker;
import io.loyaltypulse.testsupport.TestApiKeys;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the service ITs of churn-alert-service share: the embedded KRaft broker and the
 * real registry, topic names and a state directory of their own run, customers checked
 * 200 ms after their latest event, two API keys (a manager's with the given scopes, the
 * dashboard's read-only one), events sent onto a topic, and HTTP calls with the manager's
 * key.
 */
final class ServiceUnderTest {

	static final String MANAGER = "crm-manager";

	private final String name;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, String> topics = new HashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * @param name names the run's topics, application id and state directory
	 */
	ServiceUnderTest(String name) {
		this.name = name;
		for (TopicDefinition<?> topic : EventTopics.all()) {
			this.topics.put(topic.key(), topic.key() + "-" + name + "-" + this.run);
		}
	}

	String run() {
		return this.run;
	}

	/** The service's configuration for this run; the manager's key has these scopes. */
	void register(DynamicPropertyRegistry registry, String managerScopes) {
		registry.add("spring.kafka.bootstrap-servers", SharedBroker::bootstrapServers);
		registry.add("spring.kafka.properties.schema.registry.url",
				() -> ApicurioRegistryProcess.shared().confluentApiUrl());
		registry.add("spring.kafka.streams.application-id", () -> this.name + "-it-" + this.run);
		// Under target/, not a temporary folder that JUnit deletes before Spring closes.
		Path stateDir = Path.of("target", this.name + "-it-" + this.run, "streams").toAbsolutePath();
		registry.add("spring.kafka.streams.state-dir", stateDir::toString);
		this.topics.forEach((key, topic) -> registry.add(TopicCatalogue.NAME_PREFIX + key, () -> topic));
		registry.add("loyalty.churn.settle-delay", () -> "200ms");
		registry.add("loyalty.churn.punctuation-interval", () -> "200ms");
		registry.add("loyalty.security.api-keys[0].name", () -> MANAGER);
		registry.add("loyalty.security.api-keys[0].sha256", () -> TestApiKeys.ALL_SCOPES_SHA256);
		registry.add("loyalty.security.api-keys[0].scopes", () -> managerScopes);
		registry.add("loyalty.security.api-keys[1].name", () -> "dashboard");
		registry.add("loyalty.security.api-keys[1].sha256", () -> TestApiKeys.POINTS_READ_ONLY_SHA256);
		registry.add("loyalty.security.api-keys[1].scopes", () -> "alerts:read");
	}

	/** The run's topics, with serdes for the real registry. */
	TopicCatalogue catalogue() {
		Map<String, Object> config = new HashMap<>();
		config.put("schema.registry.url", ApicurioRegistryProcess.shared().confluentApiUrl());
		this.topics.forEach((key, topic) -> config.put(TopicCatalogue.NAME_PREFIX + key, topic));
		return new TopicCatalogue(config);
	}

	/**
	 * Events on a topic, each keyed by its customer and stamped with its time, in order;
	 * every acknowledgement checked.
	 */
	static void send(Topic<String, SpecificRecord> topic, List<? extends SpecificRecord> events) throws Exception {
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()),
				topic.keySerde().serializer(), topic.valueSerde().serializer())) {
			List<Future<RecordMetadata>> sent = new ArrayList<>();
			for (SpecificRecord event : events) {
				String customerId = (String) event.get(event.getSchema().getField("customerId").pos());
				Instant at = (Instant) event.get(event.getSchema().getField("occurredAt").pos());
				sent.add(producer.send(new ProducerRecord<>(topic.name(), null, at.toEpochMilli(), customerId, event)));
			}
			for (Future<RecordMetadata> acknowledged : sent) {
				acknowledged.get();
			}
		}
	}

	/** A POST with the manager's key; a JSON body when there is one. */
	HttpResponse<String> post(int port, String path, String body, String idempotencyKey) throws Exception {
		HttpRequest.Builder request = authorized(port, path);
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		if (body != null) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.POST(HttpRequest.BodyPublishers.noBody());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(int port, String path) throws Exception {
		return this.http.send(authorized(port, path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest.Builder authorized(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + TestApiKeys.ALL_SCOPES)
			.timeout(Duration.ofSeconds(15));
	}

}
