package io.loyaltypulse.churn.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.loyaltypulse.events.WebhookDelivery;
import io.loyaltypulse.events.WebhookSubscription;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.testsupport.ApicurioRegistryProcess;
import io.loyaltypulse.testsupport.SharedBroker;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery state is in Kafka, not in memory: a worker makes the first attempt (503)
 * and stops; a new worker with empty memory (a new process) reads the subscription and
 * the pending delivery back from their topics and makes the second attempt, with the same
 * webhook-id, without creating the delivery again.
 */
class DeliveryResumeIT {

	private static final Logger log = LoggerFactory.getLogger(DeliveryResumeIT.class);

	/** Per test: each has its own topics and consumer group. */
	final String run = UUID.randomUUID().toString().substring(0, 8);

	final Queue<Map<String, String>> received = new ConcurrentLinkedQueue<>();

	final AtomicInteger calls = new AtomicInteger();

	final HttpServer receiver = receiver();

	final Map<String, Object> catalogueConfig = Map.of("schema.registry.url",
			ApicurioRegistryProcess.shared().confluentApiUrl(), "loyalty.topics.churn-alerts",
			"churn-alerts-resume-" + this.run, "loyalty.topics.webhook-subscriptions",
			"webhook-subscriptions-resume-" + this.run, "loyalty.topics.webhook-deliveries",
			"webhook-deliveries-resume-" + this.run);

	final TopicCatalogue catalogue = new TopicCatalogue(this.catalogueConfig);

	final WebhookProperties properties = new WebhookProperties(true, "http://127.0.0.1:8084", List.of("127.0.0.1/32"),
			List.of(Duration.ZERO, Duration.ofSeconds(3)), 0, Duration.ofHours(1), Duration.ofHours(1),
			Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(100), 100, List.of());

	HttpServer receiver() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/hook", (exchange) -> {
				try (InputStream in = exchange.getRequestBody()) {
					Map<String, String> request = new HashMap<>();
					exchange.getRequestHeaders()
						.forEach((name, values) -> request.put(name.toLowerCase(), values.getFirst()));
					request.put("body", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
					this.received.add(request);
				}
				exchange.sendResponseHeaders((this.calls.getAndIncrement() == 0) ? 503 : 200, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void shouldResumeAPendingDeliveryInANewWorkerWithTheSameWebhookId() throws Exception {
		createTopics();
		String secret = WebhookSecrets.generate(new java.security.SecureRandom());
		DeliveryStore firstMemory = new DeliveryStore(100);
		Running first = start(firstMemory, Map.of());
		String deliveryId = firstAttempt(first, firstMemory, secret);
		first.stop();
		assertThat(this.received).hasSize(1);

		DeliveryStore secondMemory = new DeliveryStore(100);
		Running second = start(secondMemory, Map.of());
		try {
			Delivery delivered = await("the second attempt, by the new worker").atMost(Duration.ofSeconds(60))
				.until(() -> secondMemory.find(deliveryId).orElse(null),
						(delivery) -> delivery != null && Delivery.SUCCEEDED.equals(delivery.status()));
			assertSecondAttempt(delivered, deliveryId, secret);
			assertThat(secondMemory.recent("wh_resume", 10)).hasSize(1);
		}
		finally {
			second.stop();
		}
	}

	/**
	 * Static membership: the first worker stops without leaving the group, as a process
	 * killed with SIGKILL does; a dynamic member would hold its partitions until its
	 * session (here 60 s) timed out. Started again under the same group.instance.id, the
	 * worker gets them back at once: the second attempt (due 3 s after the first) comes
	 * well within the session timeout.
	 */
	@Test
	void shouldTakeItsPartitionsBackAtOnceWhenRestartedUnderItsInstanceId() throws Exception {
		createTopics();
		Map<String, Object> staticMember = Map.of(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "churn-alert-service-0",
				ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 60_000);
		String secret = WebhookSecrets.generate(new java.security.SecureRandom());
		DeliveryStore firstMemory = new DeliveryStore(100);
		Running first = start(firstMemory, staticMember);
		String deliveryId = firstAttempt(first, firstMemory, secret);
		first.stop();

		DeliveryStore secondMemory = new DeliveryStore(100);
		long restarted = System.nanoTime();
		Running second = start(secondMemory, staticMember);
		try {
			Delivery delivered = await("the second attempt, well within the 60 s session timeout")
				.atMost(Duration.ofSeconds(30))
				.until(() -> secondMemory.find(deliveryId).orElse(null),
						(delivery) -> delivery != null && Delivery.SUCCEEDED.equals(delivery.status()));
			log.info("Static member restarted: second attempt {} ms after the new worker started",
					Duration.ofNanos(System.nanoTime() - restarted).toMillis());
			assertSecondAttempt(delivered, deliveryId, secret);
		}
		finally {
			second.stop();
		}
	}

	private void createTopics() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(this.catalogue.churnAlerts().name(), 3, (short) 1),
					new NewTopic(this.catalogue.webhookSubscriptions().name(), 3, (short) 1),
					new NewTopic(this.catalogue.webhookDeliveries().name(), 3, (short) 1),
					new NewTopic(this.catalogue.webhookDeliveries().deadLetterTopic(), 3, (short) 1)))
				.all()
				.get();
		}
	}

	/**
	 * Subscribes the receiver, raises an alert, and waits for the first attempt (503).
	 */
	private String firstAttempt(Running first, DeliveryStore firstMemory, String secret) throws Exception {
		Instant now = Instant.now();
		Subscription subscription = new Subscription("wh_resume",
				"http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook", null, null, null, "standard",
				List.of(new Subscription.Secret(secret, null)), Subscription.ACTIVE, null, now, now, false);
		first.book().save(subscription, Duration.ofSeconds(10));
		Topic<String, SpecificRecord> alerts = this.catalogue.churnAlerts();
		try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers()),
				alerts.keySerde().serializer(), alerts.valueSerde().serializer())) {
			producer.send(new ProducerRecord<>(alerts.name(), "c1", SubscriptionsAndDeliveriesTest.raised())).get();
		}
		String deliveryId = WebhookEvents.deliveryId("wh_resume", "YzE.arrears.1:1");
		await("the first attempt recorded").atMost(Duration.ofSeconds(60))
			.until(() -> firstMemory.find(deliveryId)
				.filter((delivery) -> delivery.attempts() == 1 && Delivery.PENDING.equals(delivery.status()))
				.isPresent());
		return deliveryId;
	}

	private void assertSecondAttempt(Delivery delivered, String deliveryId, String secret) throws Exception {
		assertThat(delivered.attempts()).isEqualTo(2);
		assertThat(delivered.lastResponseCode()).isEqualTo(200);
		assertThat(this.received).hasSize(2);
		List<Map<String, String>> attempts = List.copyOf(this.received);
		assertThat(attempts.get(1).get("webhook-id")).isEqualTo(deliveryId)
			.isEqualTo(attempts.get(0).get("webhook-id"));
		new Webhook(secret).verify(attempts.get(1).get("body"),
				Map.of("webhook-id", List.of(deliveryId), "webhook-timestamp",
						List.of(attempts.get(1).get("webhook-timestamp")), "webhook-signature",
						List.of(attempts.get(1).get("webhook-signature"))));
	}

	/** A worker as a new process would have it: its own memory, reading the topics. */
	record Running(DeliveryWorker worker, SubscriptionBook book, Producer<String, WebhookDelivery> producer) {

		void stop() {
			this.worker.stop();
			this.book.close();
			this.producer.close(Duration.ofSeconds(5));
		}

	}

	private Running start(DeliveryStore store, Map<String, Object> membership) {
		Map<String, Object> consumer = new HashMap<>(membership);
		consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers());
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "resume-" + this.run);
		Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedBroker.bootstrapServers());
		Topic<String, WebhookSubscription> subscriptions = this.catalogue.webhookSubscriptions();
		Topic<String, WebhookDelivery> deliveries = this.catalogue.webhookDeliveries();
		SubscriptionBook book = new SubscriptionBook(List.of(), subscriptions,
				new KafkaProducer<>(producerConfig, new StringSerializer(), subscriptions.valueSerde().serializer()));
		Producer<String, WebhookDelivery> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
				deliveries.valueSerde().serializer());
		EndpointGuard guard = new EndpointGuard(List.of(Cidr.parse("127.0.0.1/32")),
				java.net.InetAddress::getAllByName);
		DeliveryWorker worker = new DeliveryWorker(this.properties, book, store, guard,
				new WebhookPayloads(this.properties.dashboardBaseUrl()),
				new WebhookSender(Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.systemUTC()),
				this.catalogue.churnAlerts(), deliveries, producer, consumer,
				new TopicMirror<>(subscriptions, consumer, book::accept),
				new TopicMirror<>(deliveries, consumer,
						(record) -> store.apply(Delivery.fromAvro(record.value(), record.partition()))),
				Clock.systemUTC());
		worker.start();
		return new Running(worker, book, producer);
	}

}
