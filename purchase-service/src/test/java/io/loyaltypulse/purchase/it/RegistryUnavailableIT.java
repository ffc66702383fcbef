package io.loyaltypulse.purchase.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.purchase.PurchaseServiceApplication;
import io.loyaltypulse.testsupport.SharedBroker;
import io.loyaltypulse.testsupport.TestApiKeys;
import io.loyaltypulse.schemas.testing.SampleEvents;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.testsupport.ApicurioRegistryProcess;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka is up but the schema registry is not: the event cannot be encoded, so the answer
 * is 503 and nothing reaches the topic.
 */
@SpringBootTest(classes = PurchaseServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.properties.max.retries=1", "spring.kafka.properties.http.connect.timeout.ms=500",
				"spring.kafka.properties.http.read.timeout.ms=500", "loyalty.security.api-keys[0].name=shop-a",
				"loyalty.security.api-keys[0].sha256=" + TestApiKeys.ALL_SCOPES_SHA256,
				"loyalty.security.api-keys[0].scopes=purchases:write,invoices:write" })
class RegistryUnavailableIT {

	static final String PURCHASES = "purchases-noregistry-" + UUID.randomUUID().toString().substring(0, 8);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void deadRegistry(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedBroker::bootstrapServers);
		registry.add("spring.kafka.properties.schema.registry.url",
				() -> "http://127.0.0.1:" + closedPort() + "/apis/ccompat/v7");
		registry.add("loyalty.topics.purchases", () -> PURCHASES);
	}

	@BeforeAll
	static void createTopic() {
		SharedBroker.createTopics(PURCHASES);
	}

	@Test
	void shouldAnswer503AndWriteNothingWhenTheRegistryIsUnreachable() throws Exception {
		String customer = "c-" + UUID.randomUUID();

		HttpResponse<String> response = new Http(this.port).post("/api/v1/purchases", TestApiKeys.ALL_SCOPES,
				Bodies.purchase("evt-noreg-1", customer));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(response.body()).contains("\"unavailable\":\"Schema registry\"");
		// A marker written afterwards by a healthy producer to the same customer's
		// partition:
		// once it is read, anything the refused request had written would have been read
		// before it.
		Topic<String, SpecificRecord> topic = new TopicCatalogue(Map.of("schema.registry.url",
				ApicurioRegistryProcess.shared().confluentApiUrl(), "loyalty.topics.purchases", PURCHASES))
			.purchases();
		PurchaseCompleted marker = SampleEvents.purchaseCompleted(customer);
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()),
				topic.keySerde().serializer(), topic.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(PURCHASES, customer, marker)).get(30, TimeUnit.SECONDS);
		}
		try (TopicReader reader = new TopicReader(topic)) {
			assertThat(reader.awaitRecordsOf(customer, 1)).singleElement()
				.satisfies((record) -> assertThat(((PurchaseCompleted) record.value()).getEventId())
					.isEqualTo(marker.getEventId()));
		}
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
