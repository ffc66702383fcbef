package io.loyaltypulse.churn.webhooks;

import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.loyaltypulse.events.WebhookDelivery;
import io.loyaltypulse.events.WebhookSubscription;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.support.kafka.DurableProducers;
import io.loyaltypulse.support.streams.StreamsProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhooks of churn-alert-service: subscriptions from configuration and
 * webhook-subscriptions, the deliveries on webhook-deliveries, the delivery worker and
 * the admin API's operations.
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	@Bean
	EndpointGuard webhookEndpointGuard(WebhookProperties properties) {
		List<Cidr> allowed = new ArrayList<>();
		for (int i = 0; i < properties.allowedPrivateNetworks().size(); i++) {
			try {
				allowed.add(Cidr.parse(properties.allowedPrivateNetworks().get(i)));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(
						"loyalty.webhooks.allowed-private-networks[" + i + "] is not a CIDR block (e.g. 127.0.0.1/32)",
						ex);
			}
		}
		return new EndpointGuard(allowed, InetAddress::getAllByName);
	}

	@Bean(destroyMethod = "close")
	SubscriptionBook webhookSubscriptionBook(WebhookProperties properties, TopicCatalogue catalogue,
			KafkaProperties kafka, Clock clock) {
		Topic<String, WebhookSubscription> topic = catalogue.webhookSubscriptions();
		return new SubscriptionBook(configured(properties, clock), topic,
				DurableProducers.producer(kafka, Map.of(), new StringSerializer(), topic.valueSerde().serializer()));
	}

	static List<Subscription> configured(WebhookProperties properties, Clock clock) {
		List<Subscription> subscriptions = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < properties.subscriptions().size(); i++) {
			WebhookProperties.Configured configured = properties.subscriptions().get(i);
			String at = "loyalty.webhooks.subscriptions[" + i + "]";
			if (configured.id() == null || !configured.id().matches("[A-Za-z0-9._-]{1,64}")
					|| !ids.add(configured.id())) {
				throw new IllegalStateException(at + ".id must be a unique id of letters, digits, '.', '_' or '-'");
			}
			if (configured.url() == null || !configured.url().matches("(?i)https?://.+")) {
				throw new IllegalStateException(at + ".url must be an http or https URL");
			}
			if (!WebhookSecrets.isValid(configured.secret())) {
				throw new IllegalStateException(at + ".secret must be whsec_ followed by the base64 of at least "
						+ WebhookSecrets.RANDOM_BYTES + " random bytes");
			}
			if (!Subscription.FORMATS.contains(configured.format())) {
				throw new IllegalStateException(at + ".format must be one of " + Subscription.FORMATS);
			}
			if (configured.minSeverity() != null && !Subscription.SEVERITIES.contains(configured.minSeverity())) {
				throw new IllegalStateException(at + ".min-severity must be one of " + Subscription.SEVERITIES);
			}
			subscriptions.add(SubscriptionBook.fromConfiguration(configured, clock.instant()));
		}
		return subscriptions;
	}

	@Bean
	DeliveryStore webhookDeliveryStore(WebhookProperties properties) {
		return new DeliveryStore(properties.recentDeliveries());
	}

	@Bean(destroyMethod = "close")
	Producer<String, WebhookDelivery> webhookDeliveryProducer(TopicCatalogue catalogue, KafkaProperties kafka) {
		return DurableProducers.producer(kafka, Map.of(), new StringSerializer(),
				catalogue.webhookDeliveries().valueSerde().serializer());
	}

	@Bean
	Webhooks webhooks(SubscriptionBook book, DeliveryStore store, EndpointGuard guard, TopicCatalogue catalogue,
			Producer<String, WebhookDelivery> webhookDeliveryProducer, WebhookProperties properties, Clock clock) {
		return new Webhooks(book, store, guard, catalogue.webhookDeliveries(), webhookDeliveryProducer, properties,
				clock);
	}

	/**
	 * {@code webhooks}, part of readiness: DOWN until this instance has read the
	 * subscriptions and deliveries Kafka held when it started.
	 */
	@Bean("webhooksHealthIndicator")
	HealthIndicator webhooksHealthIndicator(DeliveryWorker webhookDeliveryWorker) {
		return () -> webhookDeliveryWorker.caughtUp() ? Health.up().build()
				: Health.down().withDetail("reading", "webhook-subscriptions and webhook-deliveries").build();
	}

	@Bean
	DeliveryWorker webhookDeliveryWorker(WebhookProperties properties, SubscriptionBook book, DeliveryStore store,
			EndpointGuard guard, TopicCatalogue catalogue, Producer<String, WebhookDelivery> webhookDeliveryProducer,
			KafkaProperties kafka, StreamsProperties streams, Clock clock) {
		Map<String, Object> consumer = deliveryConsumerConfigs(kafka, streams);
		Topic<String, WebhookSubscription> subscriptions = catalogue.webhookSubscriptions();
		Topic<String, WebhookDelivery> deliveries = catalogue.webhookDeliveries();
		return new DeliveryWorker(properties, book, store, guard, new WebhookPayloads(properties.dashboardBaseUrl()),
				new WebhookSender(properties.connectTimeout(), properties.requestTimeout(), clock),
				catalogue.churnAlerts(), deliveries, webhookDeliveryProducer, consumer,
				new TopicMirror<>(subscriptions, consumer, book::accept), new TopicMirror<>(deliveries, consumer,
						(record) -> store.apply(Delivery.fromAvro(record.value(), record.partition()))),
				clock);
	}

	/**
	 * The delivery worker's consumer of churn-alerts: its own group, and static
	 * membership under the instance id the Streams engine has
	 * ({@code loyalty.streams.instance-id}, the pod name of a StatefulSet), so that an
	 * instance killed and started again takes its partitions back at once instead of
	 * after the dead member's session timeout. The session timeout stays Kafka's default
	 * (45 s): what an instance that does not come back holds up. The mirrors drop both
	 * ids: they read every partition unassigned.
	 */
	static Map<String, Object> deliveryConsumerConfigs(KafkaProperties kafka, StreamsProperties streams) {
		Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
		String application = (kafka.getStreams().getApplicationId() != null) ? kafka.getStreams().getApplicationId()
				: "churn-alert-service";
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, application + "-webhooks");
		if (!streams.instanceId().isBlank()) {
			consumer.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, streams.instanceId());
		}
		return consumer;
	}

}
