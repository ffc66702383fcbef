package io.loyaltypulse.churn.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.loyaltypulse.churn.webhooks.WebhookEvents.AlertChange;
import io.loyaltypulse.events.WebhookDelivery;
import io.loyaltypulse.events.WebhookSubscription;
import io.loyaltypulse.schemas.registry.RetryPolicy;
import io.loyaltypulse.schemas.registry.SchemaRegistryException;
import io.loyaltypulse.schemas.topics.Topic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Turns each change on churn-alerts into one delivery per matching subscription and sends
 * the due ones. The state is in Kafka: a change's offset is committed only after its
 * deliveries are on webhook-deliveries (on the same partition number), and each attempt's
 * outcome is written there after the attempt; an instance that takes over a partition
 * first reads that partition of webhook-deliveries to its end. A crash between an attempt
 * and its record repeats that attempt (at least once, same webhook-id).
 */
class DeliveryWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

	private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(2);

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * Pause after a failed round (Kafka away, a write not acknowledged): 1 s, doubling up
	 * to 30 s while rounds keep failing; never gives up.
	 */
	private static final RetryPolicy BACKOFF = RetryPolicy.UNTIL_BACK;

	private final WebhookProperties properties;

	private final SubscriptionBook book;

	private final DeliveryStore store;

	private final EndpointGuard guard;

	private final RetrySchedule schedule;

	private final WebhookPayloads payloads;

	private final WebhookSender sender;

	private final Topic<String, SpecificRecord> alerts;

	private final Topic<String, WebhookDelivery> deliveries;

	private final Producer<String, WebhookDelivery> producer;

	private final Map<String, Object> consumerConfigs;

	private final TopicMirror<WebhookSubscription> subscriptionMirror;

	private final TopicMirror<WebhookDelivery> deliveryMirror;

	private final Clock clock;

	private volatile Set<Integer> owned = Set.of();

	private volatile boolean running;

	private volatile KafkaConsumer<String, SpecificRecord> consumer;

	private Thread thread;

	/** Rounds failed in a row, for the backoff; only the delivery thread uses it. */
	private int failuresInARow;

	DeliveryWorker(WebhookProperties properties, SubscriptionBook book, DeliveryStore store, EndpointGuard guard,
			WebhookPayloads payloads, WebhookSender sender, Topic<String, SpecificRecord> alerts,
			Topic<String, WebhookDelivery> deliveries, Producer<String, WebhookDelivery> producer,
			Map<String, Object> consumerConfigs, TopicMirror<WebhookSubscription> subscriptionMirror,
			TopicMirror<WebhookDelivery> deliveryMirror, Clock clock) {
		this.properties = properties;
		this.book = book;
		this.store = store;
		this.guard = guard;
		this.schedule = new RetrySchedule(properties.retrySchedule(), properties.jitter(), properties.maxRetryAfter());
		this.payloads = payloads;
		this.sender = sender;
		this.alerts = alerts;
		this.deliveries = deliveries;
		this.producer = producer;
		this.consumerConfigs = consumerConfigs;
		this.subscriptionMirror = subscriptionMirror;
		this.deliveryMirror = deliveryMirror;
		this.clock = clock;
	}

	@Override
	public void start() {
		this.running = true;
		this.subscriptionMirror.start();
		this.deliveryMirror.start();
		if (this.properties.enabled()) {
			this.thread = Thread.ofPlatform().name("webhook-delivery").daemon().start(this::run);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, SpecificRecord> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		try {
			if (this.thread != null) {
				this.thread.join(Duration.ofSeconds(10));
			}
			this.subscriptionMirror.close();
			this.deliveryMirror.close();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Whether this instance has read the subscriptions and the deliveries that Kafka held
	 * when it started: until then, the admin API's lists may miss some.
	 */
	boolean caughtUp() {
		return this.subscriptionMirror.caughtUp() && this.deliveryMirror.caughtUp();
	}

	private void run() {
		Map<String, Object> configs = new HashMap<>(this.consumerConfigs);
		configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		configs.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		configs.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		// A batch re-read after a crash creates no delivery twice only while the
		// deliveries it made are still held: never more per subscription than are kept.
		configs.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
				Math.max(1, Math.min(500, this.properties.recentDeliveries())));
		KafkaConsumer<String, SpecificRecord> alertsConsumer = new KafkaConsumer<>(configs,
				this.alerts.keySerde().deserializer(), this.alerts.valueSerde().deserializer());
		try {
			this.consumer = alertsConsumer;
			awaitSubscriptions(alertsConsumer);
			alertsConsumer.subscribe(List.of(this.alerts.name()), new Ownership(alertsConsumer));
			while (this.running) {
				try {
					ConsumerRecords<String, SpecificRecord> records = alertsConsumer
						.poll(this.properties.pollInterval());
					if (!records.isEmpty()) {
						createDeliveries(records);
						alertsConsumer.commitSync();
					}
					sendDue();
					this.failuresInARow = 0;
				}
				catch (WakeupException ex) {
					break;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
				catch (RuntimeException ex) {
					if (ex instanceof RecordDeserializationException unreadable
							&& !SchemaRegistryException.isTransientCause(unreadable)) {
						// Not an alert change this service can read: nothing to deliver.
						log.warn("Skipping an unreadable record of {} at partition {} offset {}", this.alerts.name(),
								unreadable.topicPartition().partition(), unreadable.offset());
						alertsConsumer.seek(unreadable.topicPartition(), unreadable.offset() + 1);
						continue;
					}
					// Anything else, a good record the registry could not decode
					// included:
					// read again from the last commit, later; never skipped (its
					// deliveries
					// would be lost).
					log.warn("Webhook delivery round failed, retrying from the last commit: {}",
							SchemaRegistryException.isTransientCause(ex) ? "the schema registry is out of reach"
									: ex.getClass().getSimpleName());
					rewind(alertsConsumer);
					pause();
				}
			}
		}
		catch (WakeupException ex) {
			// stopping
		}
		finally {
			// Bounded: at shutdown the broker may be gone already. A static member stays
			// in the group (Kafka's default for it), so that it takes its partitions back
			// without a rebalance when it starts again under the same instance id.
			alertsConsumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
		}
	}

	private void awaitSubscriptions(KafkaConsumer<String, SpecificRecord> alertsConsumer) {
		Map<Integer, Long> ends = endOffsets(alertsConsumer, this.subscriptionMirror.topicName(), null);
		try {
			if (!this.subscriptionMirror.awaitReached(ends, CATCH_UP_TIMEOUT)) {
				log.warn("The subscriptions were not read to their end in {}; delivering to those read",
						CATCH_UP_TIMEOUT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** The end offsets of a topic's partitions, all of them or the given numbers. */
	private static Map<Integer, Long> endOffsets(KafkaConsumer<?, ?> consumer, String topic,
			Collection<Integer> numbers) {
		List<TopicPartition> partitions = (numbers != null)
				? numbers.stream().map((number) -> new TopicPartition(topic, number)).toList()
				: consumer.partitionsFor(topic)
					.stream()
					.map((info) -> new TopicPartition(topic, info.partition()))
					.toList();
		Map<Integer, Long> ends = new HashMap<>();
		consumer.endOffsets(partitions).forEach((partition, end) -> ends.put(partition.partition(), end));
		return ends;
	}

	private void createDeliveries(ConsumerRecords<String, SpecificRecord> records) throws InterruptedException {
		Instant now = this.clock.instant();
		List<Delivery> created = new ArrayList<>();
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		for (ConsumerRecord<String, SpecificRecord> record : records) {
			Optional<AlertChange> change = WebhookEvents.of(record.value());
			if (change.isEmpty()) {
				continue;
			}
			AlertChange alertChange = change.get();
			for (Subscription subscription : this.book.all()) {
				if (!subscription.matches(alertChange.type(), alertChange.alert().getSeverity().name(),
						alertChange.alert().getStoreId())) {
					continue;
				}
				String id = WebhookEvents.deliveryId(subscription.id(), alertChange.eventId());
				if (this.store.contains(id)) {
					continue;
				}
				Delivery delivery = new Delivery(id, subscription.id(), alertChange.alert().getCustomerId(),
						alertChange.alert().getAlertId(), alertChange.eventId(), alertChange.type(),
						this.payloads.body(subscription.format(), alertChange), record.offset(), 1, Delivery.PENDING, 0,
						now, null, null, null, now, now, record.partition());
				created.add(delivery);
				sent.add(this.producer
					.send(new ProducerRecord<>(this.deliveries.name(), record.partition(), id, delivery.toAvro())));
			}
		}
		awaitAll(sent);
		created.forEach(this.store::apply);
	}

	private void sendDue() throws InterruptedException {
		for (Delivery delivery : this.store.due(this.owned, this.clock.instant())) {
			if (!this.running) {
				return;
			}
			attempt(delivery);
		}
	}

	private void attempt(Delivery delivery) throws InterruptedException {
		Optional<Subscription> found = this.book.find(delivery.subscriptionId());
		if (found.isEmpty()) {
			record(delivery.abandoned(this.clock.instant(), "the subscription was deleted"), false);
			return;
		}
		Subscription subscription = found.get();
		if (!Subscription.ACTIVE.equals(subscription.status())) {
			return;
		}
		Optional<String> refusal = this.guard.refusal(subscription.url());
		if (refusal.isPresent()) {
			record(delivery.abandoned(this.clock.instant(), "endpoint refused: " + refusal.get()), true);
			return;
		}
		WebhookSender.Answer answer = this.sender.send(subscription.url(), delivery.id(), delivery.payload(),
				subscription.signingSecrets(this.clock.instant()));
		Instant at = this.clock.instant();
		switch (ResponseVerdict.of(answer.status())) {
			case SUCCEEDED -> record(delivery.attempted(Delivery.SUCCEEDED, at, answer.status(), null, null), false);
			case DISABLE -> {
				record(delivery.attempted(Delivery.FAILED, at, answer.status(),
						"the endpoint answered 410 Gone: subscription disabled", null), true);
				this.book.save(subscription.withStatus(Subscription.DISABLED, "the endpoint answered 410 Gone", at),
						WRITE_TIMEOUT);
				log.info("Webhook subscription {} disabled: its endpoint answered 410", subscription.id());
			}
			case GIVE_UP ->
				record(delivery.attempted(Delivery.FAILED, at, answer.status(), answer.error(), null), true);
			case RETRY -> {
				Optional<Instant> next = this.schedule.next(delivery.attempts() + 1, at, answer.retryAfter(),
						ThreadLocalRandom.current().nextDouble());
				if (next.isPresent()) {
					record(delivery.attempted(Delivery.PENDING, at, answer.status(), answer.error(), next.get()),
							false);
				}
				else {
					record(delivery.attempted(Delivery.FAILED, at, answer.status(), answer.error(), null), true);
				}
			}
		}
	}

	/**
	 * Writes the delivery's new state (and, failed for good, to the dead-letter topic).
	 */
	private void record(Delivery next, boolean deadLetter) throws InterruptedException {
		List<Future<RecordMetadata>> sent = new ArrayList<>();
		sent.add(this.producer
			.send(new ProducerRecord<>(this.deliveries.name(), next.partition(), next.id(), next.toAvro())));
		if (deadLetter) {
			sent.add(this.producer.send(new ProducerRecord<>(this.deliveries.deadLetterTopic(), next.partition(),
					next.id(), next.toAvro())));
			log.info("Webhook delivery {} to subscription {} failed for good after {} attempts", next.id(),
					next.subscriptionId(), next.attempts());
		}
		awaitAll(sent);
		this.store.apply(next);
	}

	private static void awaitAll(List<Future<RecordMetadata>> sent) throws InterruptedException {
		for (Future<RecordMetadata> acknowledged : sent) {
			try {
				acknowledged.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("webhook-deliveries did not acknowledge a write", ex);
			}
		}
	}

	private void rewind(KafkaConsumer<String, SpecificRecord> alertsConsumer) {
		try {
			Set<TopicPartition> assigned = alertsConsumer.assignment();
			Map<TopicPartition, OffsetAndMetadata> committed = alertsConsumer.committed(assigned);
			for (TopicPartition partition : assigned) {
				OffsetAndMetadata offset = committed.get(partition);
				if (offset != null) {
					alertsConsumer.seek(partition, offset);
				}
				else {
					alertsConsumer.seekToBeginning(List.of(partition));
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Rewinding churn-alerts failed: {}", ex.getClass().getSimpleName());
		}
	}

	private void pause() {
		try {
			Thread.sleep(BACKOFF.waitBefore(++this.failuresInARow));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	@Override
	public int getPhase() {
		// After the web server and the topology, before them on the way down.
		return Integer.MAX_VALUE - 100;
	}

	/**
	 * Takes partitions only once this instance has read their deliveries to the end, so
	 * that no delivery is created twice or forgotten.
	 */
	private final class Ownership implements ConsumerRebalanceListener {

		private final KafkaConsumer<String, SpecificRecord> alertsConsumer;

		Ownership(KafkaConsumer<String, SpecificRecord> alertsConsumer) {
			this.alertsConsumer = alertsConsumer;
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			Set<Integer> remaining = new HashSet<>(DeliveryWorker.this.owned);
			partitions.forEach((partition) -> remaining.remove(partition.partition()));
			DeliveryWorker.this.owned = Set.copyOf(remaining);
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			List<Integer> numbers = partitions.stream().map(TopicPartition::partition).toList();
			Map<Integer, Long> ends = endOffsets(this.alertsConsumer, DeliveryWorker.this.deliveries.name(), numbers);
			try {
				if (!DeliveryWorker.this.deliveryMirror.awaitReached(ends, CATCH_UP_TIMEOUT)) {
					log.warn("Deliveries of partitions {} not read to their end in {}; going on", numbers,
							CATCH_UP_TIMEOUT);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			Set<Integer> next = new HashSet<>(DeliveryWorker.this.owned);
			next.addAll(numbers);
			DeliveryWorker.this.owned = Set.copyOf(next);
		}

	}

}
