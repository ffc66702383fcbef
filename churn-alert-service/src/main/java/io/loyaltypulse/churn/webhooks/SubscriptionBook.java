package io.loyaltypulse.churn.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.loyaltypulse.events.WebhookSubscription;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.support.problems.ServiceUnavailableException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The subscriptions: those of configuration, and those of webhook-subscriptions (a
 * compacted topic, read whole by every instance), where a configured one's status (a 410
 * disables it) is kept too. A change is written to the topic and held once Kafka
 * acknowledged it.
 */
class SubscriptionBook {

	private final Map<String, Subscription> configured = new ConcurrentHashMap<>();

	private final Map<String, Subscription> stored = new ConcurrentHashMap<>();

	private final Topic<String, WebhookSubscription> topic;

	private final Producer<String, WebhookSubscription> producer;

	SubscriptionBook(Collection<Subscription> configured, Topic<String, WebhookSubscription> topic,
			Producer<String, WebhookSubscription> producer) {
		configured.forEach((subscription) -> this.configured.put(subscription.id(), subscription));
		this.topic = topic;
		this.producer = producer;
	}

	/** What the mirror of webhook-subscriptions reads. */
	void accept(ConsumerRecord<String, WebhookSubscription> record) {
		hold(Subscription.fromAvro(record.value(), this.configured.containsKey(record.key())));
	}

	private void hold(Subscription subscription) {
		this.stored.merge(subscription.id(), subscription,
				(held, next) -> next.updatedAt().isBefore(held.updatedAt()) ? held : next);
	}

	/** A subscription as it stands: a configured one with the stored status. */
	Optional<Subscription> find(String id) {
		Subscription fromConfig = this.configured.get(id);
		Subscription fromTopic = this.stored.get(id);
		if (fromConfig != null) {
			return Optional.of((fromTopic == null) ? fromConfig
					: fromConfig.withStatus(fromTopic.status(), fromTopic.statusReason(), fromTopic.updatedAt()));
		}
		return Optional.ofNullable(fromTopic)
			.filter((subscription) -> !Subscription.DELETED.equals(subscription.status()));
	}

	/** Every subscription but the deleted ones, oldest first. */
	List<Subscription> all() {
		java.util.Set<String> ids = new java.util.HashSet<>(this.configured.keySet());
		ids.addAll(this.stored.keySet());
		return ids.stream()
			.map(this::find)
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(Subscription::createdAt).thenComparing(Subscription::id))
			.toList();
	}

	/**
	 * Writes the subscription to webhook-subscriptions and holds it once acknowledged. A
	 * configured subscription's secrets stay in the configuration: only its status goes.
	 */
	Subscription save(Subscription subscription, Duration timeout) {
		Subscription written = subscription;
		if (subscription.configured()) {
			written = new Subscription(subscription.id(), subscription.url(), subscription.eventTypes(),
					subscription.minSeverity(), subscription.stores(), subscription.format(), List.of(),
					subscription.status(), subscription.statusReason(), subscription.createdAt(),
					subscription.updatedAt(), true);
		}
		try {
			this.producer.send(new ProducerRecord<>(this.topic.name(), subscription.id(), written.toAvro()))
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw unavailable(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(ex);
		}
		hold(written);
		return find(subscription.id()).orElse(subscription);
	}

	/** Closes the producer, waiting a little for what it still sends. */
	void close() {
		this.producer.close(Duration.ofSeconds(5));
	}

	private static ServiceUnavailableException unavailable(Exception ex) {
		return new ServiceUnavailableException("unavailable", "Service unavailable", "Kafka",
				"Kafka did not acknowledge the subscription change in time; retry later.", Duration.ofSeconds(5), ex);
	}

	static Subscription fromConfiguration(WebhookProperties.Configured configured, Instant now) {
		return new Subscription(configured.id(), configured.url(),
				(configured.eventTypes() == null || configured.eventTypes().isEmpty()) ? null
						: List.copyOf(configured.eventTypes()),
				configured.minSeverity(),
				(configured.stores() == null || configured.stores().isEmpty()) ? null
						: List.copyOf(configured.stores()),
				configured.format(), List.of(new Subscription.Secret(configured.secret(), null)), Subscription.ACTIVE,
				null, now, now, true);
	}

}
