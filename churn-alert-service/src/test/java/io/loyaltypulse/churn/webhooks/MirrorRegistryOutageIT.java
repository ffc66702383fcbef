package io.loyaltypulse.churn.webhooks;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.loyaltypulse.events.WebhookSubscription;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.testsupport.ApicurioRegistryProcess;
import io.loyaltypulse.testsupport.SharedBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscription on webhook-subscriptions is a good record even when the schema registry
 * cannot be reached to decode it: an instance that starts while the registry is down must
 * not skip it (it would forget the subscription, and every delivery to it), but read it
 * again until the registry answers.
 */
class MirrorRegistryOutageIT {

	final String run = UUID.randomUUID().toString().substring(0, 8);

	final String topicName = "webhook-subscriptions-outage-" + this.run;

	@Test
	void shouldNotSkipASubscriptionItCannotDecodeWhileTheRegistryIsOutOfReach() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(this.topicName, 1, (short) 1))).all().get();
		}
		Topic<String, WebhookSubscription> written = catalogue(ApicurioRegistryProcess.shared().confluentApiUrl())
			.webhookSubscriptions();
		Instant now = Instant.now();
		Subscription subscription = new Subscription("wh_outage", "https://crm.example.com/hook", null, null, null,
				"standard", List.of(new Subscription.Secret("whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0", null)),
				Subscription.ACTIVE, null, now, now, false);
		SubscriptionBook writer = new SubscriptionBook(List.of(), written,
				new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()),
						new StringSerializer(), written.valueSerde().serializer()));
		writer.save(subscription, Duration.ofSeconds(10));
		writer.close();

		// A new instance whose registry does not answer (nothing listens on its port).
		Topic<String, WebhookSubscription> unreachable = catalogue("http://127.0.0.1:" + closedPort())
			.webhookSubscriptions();
		SubscriptionBook reader = new SubscriptionBook(List.of(), unreachable, null);
		TopicMirror<WebhookSubscription> mirror = new TopicMirror<>(unreachable,
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()), reader::accept);
		try {
			mirror.start();
			await("the mirror staying on the subscription it cannot decode").during(Duration.ofSeconds(4))
				.atMost(Duration.ofSeconds(10))
				.until(() -> !mirror.caughtUp() && !mirror.hasReached(Map.of(0, 1L)));
			assertThat(reader.find("wh_outage")).isEmpty();
		}
		finally {
			mirror.close();
		}
	}

	private TopicCatalogue catalogue(String registryUrl) {
		return new TopicCatalogue(Map.of("schema.registry.url", registryUrl, "loyalty.topics.webhook-subscriptions",
				this.topicName, "max.retries", 0, "http.connect.timeout.ms", 500));
	}

	private static int closedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
