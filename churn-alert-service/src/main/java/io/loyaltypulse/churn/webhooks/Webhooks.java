package io.loyaltypulse.churn.webhooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.loyaltypulse.events.WebhookDelivery;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.support.problems.ApiException;
import io.loyaltypulse.support.problems.ServiceUnavailableException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.http.HttpStatus;

/**
 * What the admin API does with subscriptions and deliveries: create (with a new secret),
 * list, delete, rotate the secret (the old one signs for the overlap), list deliveries,
 * replay one or every failed one since a time.
 */
public class Webhooks {

	private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

	private final SubscriptionBook book;

	private final DeliveryStore store;

	private final EndpointGuard guard;

	private final Topic<String, WebhookDelivery> deliveries;

	private final Producer<String, WebhookDelivery> producer;

	private final WebhookProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	Webhooks(SubscriptionBook book, DeliveryStore store, EndpointGuard guard, Topic<String, WebhookDelivery> deliveries,
			Producer<String, WebhookDelivery> producer, WebhookProperties properties, Clock clock) {
		this.book = book;
		this.store = store;
		this.guard = guard;
		this.deliveries = deliveries;
		this.producer = producer;
		this.properties = properties;
		this.clock = clock;
	}

	/** A new subscription: its secret is in it, the only time it is shown. */
	public Subscription create(String url, List<String> eventTypes, String minSeverity, String format,
			List<String> stores) {
		Instant now = this.clock.instant();
		byte[] id = new byte[10];
		this.random.nextBytes(id);
		Subscription subscription = new Subscription("wh_" + HexFormat.of().formatHex(id), url, eventTypes, minSeverity,
				stores, (format != null) ? format : "standard",
				List.of(new Subscription.Secret(WebhookSecrets.generate(this.random), null)), Subscription.ACTIVE, null,
				now, now, false);
		return this.book.save(subscription, WRITE_TIMEOUT);
	}

	/** Why the URL may not receive webhooks, if it may not. */
	public Optional<String> refusal(String url) {
		return this.guard.refusal(url);
	}

	public List<Subscription> list() {
		return this.book.all();
	}

	public Subscription get(String id) {
		return this.book.find(id).orElseThrow(() -> notFound(id));
	}

	public void delete(String id) {
		Subscription subscription = modifiable(id);
		this.book.save(subscription.withStatus(Subscription.DELETED, "deleted over the API", this.clock.instant()),
				WRITE_TIMEOUT);
	}

	/**
	 * An active subscription again (after its endpoint answered 410, say); its pending
	 * deliveries resume. Already active: as it is, nothing written. A configured one too:
	 * only its status is stored.
	 */
	public Subscription enable(String id) {
		Subscription subscription = get(id);
		if (Subscription.ACTIVE.equals(subscription.status())) {
			return subscription;
		}
		return this.book.save(
				subscription.withStatus(Subscription.ACTIVE, "enabled over the API", this.clock.instant()),
				WRITE_TIMEOUT);
	}

	/**
	 * The subscription with a new secret; the previous one still signs for the overlap.
	 */
	public Subscription rotateSecret(String id) {
		Subscription subscription = modifiable(id);
		return this.book.save(subscription.rotated(WebhookSecrets.generate(this.random), this.clock.instant(),
				this.properties.secretOverlap()), WRITE_TIMEOUT);
	}

	public List<Delivery> deliveries(String id) {
		get(id);
		return this.store.recent(id, this.properties.recentDeliveries());
	}

	/** Makes one finished delivery again from its first attempt. */
	public List<Delivery> replay(String id, String deliveryId) {
		get(id);
		Delivery delivery = this.store.find(deliveryId)
			.filter((found) -> found.subscriptionId().equals(id))
			.orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "delivery-not-found", "Delivery not found",
					"Subscription " + id + " has no delivery " + deliveryId + " (or it is too old to be kept).", null));
		if (!delivery.isFinal()) {
			throw new ApiException(HttpStatus.CONFLICT, "delivery-pending", "Delivery still pending",
					"Delivery " + deliveryId + " is still being attempted; replay it once it succeeded or failed.",
					null);
		}
		return write(List.of(delivery.replayed(this.clock.instant())));
	}

	/** Makes every delivery that failed for good at or after a time again. */
	public List<Delivery> replaySince(String id, Instant since) {
		get(id);
		Instant now = this.clock.instant();
		return write(this.store.failedSince(id, since).stream().map((failed) -> failed.replayed(now)).toList());
	}

	private List<Delivery> write(List<Delivery> replayed) {
		List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
		for (Delivery delivery : replayed) {
			sent.add(this.producer.send(new ProducerRecord<>(this.deliveries.name(), delivery.partition(),
					delivery.id(), delivery.toAvro())));
		}
		for (java.util.concurrent.Future<?> acknowledged : sent) {
			try {
				acknowledged.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new ServiceUnavailableException("unavailable", "Service unavailable", "Kafka",
						"Kafka did not acknowledge the replay in time; retry later.", Duration.ofSeconds(5), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		replayed.forEach(this.store::apply);
		return replayed;
	}

	private Subscription modifiable(String id) {
		Subscription subscription = get(id);
		if (subscription.configured()) {
			throw new ApiException(HttpStatus.CONFLICT, "webhook-configured", "Subscription from configuration",
					"Subscription " + id
							+ " comes from configuration (loyalty.webhooks.subscriptions): change it there.",
					null);
		}
		return subscription;
	}

	private static ApiException notFound(String id) {
		return new ApiException(HttpStatus.NOT_FOUND, "webhook-not-found", "Webhook subscription not found",
				"There is no webhook subscription " + id + ".", null);
	}

}
