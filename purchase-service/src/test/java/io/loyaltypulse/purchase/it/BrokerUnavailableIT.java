package io.loyaltypulse.purchase.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import io.loyaltypulse.purchase.PurchaseServiceApplication;
import io.loyaltypulse.testsupport.TestApiKeys;
import io.loyaltypulse.testsupport.ApicurioRegistryProcess;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka is unreachable (nothing listens on the configured port): every request gets a 503
 * with Retry-After within the configured bound, never a 202 and never a hang, and
 * readiness reports DOWN.
 */
@SpringBootTest(classes = PurchaseServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.producer.properties.max.block.ms=1500",
				"spring.kafka.producer.properties.request.timeout.ms=1000",
				"spring.kafka.producer.properties.delivery.timeout.ms=2500", "loyalty.publishing.ack-timeout=6s",
				"loyalty.kafka.health-timeout=1s", "loyalty.kafka.provision-topics=false",
				"loyalty.kafka.verify-topics=false", "loyalty.security.api-keys[0].name=shop-a",
				"loyalty.security.api-keys[0].sha256=" + TestApiKeys.ALL_SCOPES_SHA256,
				"loyalty.security.api-keys[0].scopes=purchases:write,invoices:write" })
class BrokerUnavailableIT {

	/** max.block.ms + delivery.timeout.ms, and a second for the HTTP round trip. */
	static final Duration BOUND = Duration.ofMillis(1500 + 2500 + 1000);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void deadBroker(DynamicPropertyRegistry registry) throws IOException {
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closedPort());
		registry.add("spring.kafka.properties.schema.registry.url",
				() -> ApicurioRegistryProcess.shared().confluentApiUrl());
		registry.add("loyalty.topics.purchases", () -> "purchases-dead-" + UUID.randomUUID());
	}

	@Test
	void shouldAnswer503WithRetryAfterWithinTheConfiguredBound() throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = new Http(this.port).post("/api/v1/purchases", TestApiKeys.ALL_SCOPES,
				Bodies.purchase("evt-dead-1", "c-dead"));
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.body()).contains("\"unavailable\":\"Kafka\"", "same eventId");
		assertThat(took).isLessThan(BOUND);
	}

	@Test
	void shouldAnswer503ForABatchWhoseItemsCouldNotBePublished() throws Exception {
		String body = "{\"events\": [%s]}"
			.formatted(Bodies.batchItem("PurchaseCompleted", Bodies.purchase("evt-dead-2", "c-dead")));

		HttpResponse<String> response = new Http(this.port).post("/api/v1/events:batch", TestApiKeys.ALL_SCOPES, body);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(response.body()).contains("\"accepted\":0", "\"status\":503");
	}

	@Test
	void shouldReportReadinessDown() throws Exception {
		HttpResponse<String> readiness = new Http(this.port).get("/actuator/health/readiness");

		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
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
