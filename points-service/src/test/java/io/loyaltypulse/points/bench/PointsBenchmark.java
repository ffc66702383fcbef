package io.loyaltypulse.points.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import io.loyaltypulse.events.OrderLine;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.points.PointsTestRules;
import io.loyaltypulse.points.ledger.CustomerAccount;
import io.loyaltypulse.points.ledger.CustomerAccountSerde;
import io.loyaltypulse.points.ledger.InMemoryHistory;
import io.loyaltypulse.points.ledger.OrderRecordSerde;
import io.loyaltypulse.points.ledger.NegativeBalancePolicy;
import io.loyaltypulse.points.ledger.PointsEngine;
import io.loyaltypulse.support.streams.ManagedStreams;
import io.loyaltypulse.points.topology.PointsTopics;
import io.loyaltypulse.points.topology.PointsTopology;
import io.loyaltypulse.points.topology.RecentTransaction;
import io.loyaltypulse.points.topology.RecentTransactionSerde;
import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.schemas.topics.TopicProvisioner;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Purchases per second and end-to-end latency of the points topology (exactly-once v2,
 * commit interval 100 ms), next to the yardstick: a plain consume -> produce loop with
 * the same serdes and the same transaction settings (a transaction committed with the
 * input offsets every 100 ms). Also the state stored per customer, in bytes. Measures and
 * prints; asserts nothing.
 *
 * <pre>
 * ./mvnw -pl points-service -am install -DskipTests
 * ./mvnw -pl points-service exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.loyaltypulse.points.bench.PointsBenchmark -Dexec.args="yardstick throughput 20000 2000"
 * ./mvnw -pl points-service exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.loyaltypulse.points.bench.PointsBenchmark -Dexec.args="points throughput 20000 2000"   (and: latency)
 * ./mvnw -pl points-service exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.loyaltypulse.points.bench.PointsBenchmark -Dexec.args=offline
 * </pre>
 *
 * The broker is the embedded KRaft broker in this JVM, the registry the in-memory one
 * ({@code mock://}; after the first record a registry costs nothing either way): both
 * runs share the machine's cores with the broker, equally.
 */
public final class PointsBenchmark {

	private static final Logger log = LoggerFactory.getLogger(PointsBenchmark.class);

	private static final Instant BASE = Instant.parse("2026-11-02T10:00:00Z");

	private final String bootstrap;

	private final int purchases;

	private final int customers;

	private PointsBenchmark(String bootstrap, int purchases, int customers) {
		this.bootstrap = bootstrap;
		this.purchases = purchases;
		this.customers = customers;
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("offline")) {
			// No broker: the state per customer and what one purchase costs in the engine
			// and serdes.
			List<String> report = new ArrayList<>(stateSizes());
			report.addAll(componentCosts());
			report.forEach((line) -> log.info("RESULT {}", line));
			return;
		}
		// One measurement per JVM and embedded broker: a second KafkaStreams application
		// in the same JVM, against the same embedded broker, stalled in every attempt
		// here.
		// args: yardstick|points throughput|latency [purchases] [customers]
		boolean points = args.length == 0 || args[0].equals("points");
		boolean latency = args.length > 1 && args[1].equals("latency");
		int purchases = (args.length > 2) ? Integer.parseInt(args[2]) : 20_000;
		int customers = (args.length > 3) ? Integer.parseInt(args[3]) : 2_000;
		// A real broker (for example the local stack's, 127.0.0.1:9092) with
		// -Dbench.bootstrap, else an embedded one.
		String external = System.getProperty("bench.bootstrap");
		EmbeddedKafkaKraftBroker kafka = null;
		if (external == null) {
			kafka = new EmbeddedKafkaKraftBroker(1, 6);
			kafka.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
					"transaction.state.log.min.isr", "1", "group.initial.rebalance.delay.ms", "0"));
			kafka.afterPropertiesSet();
		}
		try {
			PointsBenchmark benchmark = new PointsBenchmark((kafka != null) ? kafka.getBrokersAsString() : external,
					purchases, customers);
			List<String> report = new ArrayList<>();
			report.add("purchases=%d customers=%d cores=%d".formatted(purchases, customers,
					Runtime.getRuntime().availableProcessors()));
			report.add(latency ? benchmark.latency(points) : benchmark.throughput(points, purchases));
			report.forEach((line) -> log.info("RESULT {}", line));
		}
		finally {
			if (kafka != null) {
				kafka.destroy();
			}
		}
	}

	/** Processes a backlog of purchases; the rate is measured on the committed output. */
	private String throughput(boolean points, int count) throws Exception {
		Run run = new Run(points);
		run.produce(count, (i) -> BASE.plusMillis(i), 0);
		SimpleMeterRegistry metrics = new SimpleMeterRegistry();
		AutoCloseable processor = run.startProcessor(metrics);
		try {
			long[] times = run.awaitOutput(count, null);
			double seconds = (times[1] - times[0]) / 1e9;
			DistributionSummary sizes = metrics.find("points.account.size").summary();
			return "%-10s throughput: %,.0f purchases/s (%d in %.2f s)%s".formatted(run.name(), (count - 1) / seconds,
					count, seconds, (sizes != null)
							? ", account size mean %.0f B max %.0f B".formatted(sizes.mean(), sizes.max()) : "");
		}
		finally {
			processor.close();
		}
	}

	/**
	 * Produces at a steady rate with occurredAt = now and measures produce -> committed
	 * ledger entry.
	 */
	private String latency(boolean points) throws Exception {
		Run run = new Run(points);
		int rate = 500;
		int count = rate * 20;
		AutoCloseable processor = run.startProcessor(new SimpleMeterRegistry());
		try {
			// Warm-up, not measured: 5 s at the same rate (JIT, RocksDB, first commits).
			int warmUp = rate * 5;
			run.produce(warmUp, (i) -> Instant.now(), rate);
			run.awaitOutput(warmUp, null);
			List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
			Thread producer = Thread.ofPlatform().start(() -> run.produce(count, (i) -> Instant.now(), rate));
			run.awaitOutput(warmUp + count, latencies);
			producer.join();
			List<Long> measured = new ArrayList<>(latencies.subList(warmUp, latencies.size()));
			List<Long> sorted = new ArrayList<>(measured);
			Collections.sort(sorted);
			// p99 per 2 s of the run, in arrival order: tells warm-up from steady state
			List<Long> p99ByWindow = new ArrayList<>();
			for (int from = 0; from < measured.size(); from += rate * 2) {
				List<Long> window = new ArrayList<>(measured.subList(from, Math.min(measured.size(), from + rate * 2)));
				Collections.sort(window);
				p99ByWindow.add(window.get((int) (window.size() * 0.99)));
			}
			return "%-10s latency at %d/s: p50 %d ms, p99 %d ms, max %d ms; p99 per 2 s: %s".formatted(run.name(), rate,
					sorted.get(sorted.size() / 2), sorted.get((int) (sorted.size() * 0.99)), sorted.getLast(),
					p99ByWindow);
		}
		finally {
			processor.close();
		}
	}

	/**
	 * Bytes stored per customer after n purchases: the account record every event reads
	 * and writes, and what each purchase adds to the history stores until their retention
	 * forgets it.
	 */
	private static List<String> stateSizes() {
		PointsEngine engine = PointsTestRules.engine(NegativeBalancePolicy.ALLOW_NEGATIVE);
		CustomerAccountSerde serde = new CustomerAccountSerde();
		List<String> sizes = new ArrayList<>();
		for (int n : new int[] { 1, 10, 100, 1000 }) {
			CustomerAccount account = CustomerAccount.open("customer-000042");
			InMemoryHistory history = new InMemoryHistory();
			for (int i = 0; i < n; i++) {
				engine.apply(account, history, purchase("customer-000042", i, BASE.plus(Duration.ofHours(i))));
			}
			sizes.add("account record after %d purchases: %d bytes".formatted(n,
					serde.serializer().serialize("t", account).length));
		}
		CustomerAccount account = CustomerAccount.open("customer-000042");
		InMemoryHistory history = new InMemoryHistory();
		PurchaseCompleted purchase = purchase("customer-000042", 1, BASE);
		PointsTransaction entry = (PointsTransaction) engine.apply(account, history, purchase).getFirst();
		int order = new OrderRecordSerde().serializer().serialize("t", history.order(purchase.getOrderId())).length;
		int transaction = new RecentTransactionSerde().serializer().serialize("t", RecentTransaction.of(entry)).length;
		// window store keys: the key, an 8-byte timestamp and a 4-byte sequence number
		int orderKey = ("15:customer-000042o" + purchase.getOrderId()).length() + 12;
		sizes.add("history per purchase (until its retention): order %d + key %d bytes, transaction %d + key %d bytes"
			.formatted(order, orderKey, transaction, "customer-000042".length() + 12));
		return sizes;
	}

	/** What one purchase costs in the engine and the serdes, single-threaded. */
	private static List<String> componentCosts() {
		PointsEngine engine = PointsTestRules.engine(NegativeBalancePolicy.ALLOW_NEGATIVE);
		CustomerAccountSerde serde = new CustomerAccountSerde();
		PointsTopics topics = PointsTopics.from(new TopicCatalogue(Map.of("schema.registry.url", "mock://bench-cost")));
		int n = 200_000;
		List<byte[]> accounts = new ArrayList<>();
		CustomerAccount seed = CustomerAccount.open("c");
		InMemoryHistory seedHistory = new InMemoryHistory();
		for (int i = 0; i < 10; i++) {
			engine.apply(seed, seedHistory, purchase("c", i, BASE.plus(Duration.ofHours(i))));
		}
		byte[] seedBytes = serde.serializer().serialize("t", seed);
		byte[] purchaseBytes = topics.purchases().valueSerde().serializer().serialize("p", purchase("c", 99, BASE));
		long avro = 0;
		long accountRead = 0;
		long apply = 0;
		long accountWrite = 0;
		for (int round = 0; round < 2; round++) {
			avro = 0;
			accountRead = 0;
			apply = 0;
			accountWrite = 0;
			for (int i = 0; i < n; i++) {
				long t0 = System.nanoTime();
				SpecificRecord event = topics.purchases().valueSerde().deserializer().deserialize("p", purchaseBytes);
				long t1 = System.nanoTime();
				CustomerAccount account = serde.deserializer().deserialize("t", seedBytes);
				long t2 = System.nanoTime();
				List<SpecificRecord> out = engine.apply(account, new InMemoryHistory(), event);
				long t3 = System.nanoTime();
				accounts.add(serde.serializer().serialize("t", account));
				topics.ledger().valueSerde().serializer().serialize("l", (PointsTransaction) out.getFirst());
				long t4 = System.nanoTime();
				avro += t1 - t0;
				accountRead += t2 - t1;
				apply += t3 - t2;
				accountWrite += t4 - t3;
				accounts.clear();
			}
		}
		return List
			.of("per purchase, single thread: avro read %.1f us, account read %.1f us, engine %.1f us, account write + ledger avro write %.1f us"
				.formatted(avro / 1e3 / n, accountRead / 1e3 / n, apply / 1e3 / n, accountWrite / 1e3 / n));
	}

	static PurchaseCompleted purchase(String customerId, int index, Instant at) {
		BigDecimal price = new BigDecimal(10 + index % 90).add(new BigDecimal("0.99"));
		return PurchaseCompleted.newBuilder()
			.setEventId("bench-" + customerId + "-" + index + "-" + at.toEpochMilli())
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setOrderId("order-" + customerId + "-" + index + "-" + at.toEpochMilli())
			.setStoreId("S" + index % 5)
			.setChannel("WEB")
			.setLines(List.of(OrderLine.newBuilder()
				.setLineId("1")
				.setSku("SKU-" + index % 100)
				.setCategory((index % 3 == 0) ? "BOOKS" : "GROCERY")
				.setQuantity(1 + index % 3)
				.setUnitPrice(price)
				.build()))
			.setTotal(price.multiply(BigDecimal.valueOf(1 + index % 3)))
			.setCurrency("EUR")
			.build();
	}

	/** One measured run: its own topics, application id and registry scope. */
	private final class Run {

		private final boolean points;

		private final String id = UUID.randomUUID().toString().substring(0, 8);

		private final TopicCatalogue catalogue;

		private final PointsTopics topics;

		Run(boolean points) throws Exception {
			this.points = points;
			Map<String, Object> config = new HashMap<>();
			config.put("schema.registry.url", "mock://bench-" + this.id);
			for (var definition : Stream.concat(PointsTopics.INPUTS.stream(), PointsTopics.OUTPUTS.stream()).toList()) {
				config.put(TopicCatalogue.NAME_PREFIX + definition.key(), "bench-" + this.id + "-" + definition.key());
			}
			this.catalogue = new TopicCatalogue(config);
			this.topics = PointsTopics.from(this.catalogue);
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
				new TopicProvisioner(admin, Duration.ofSeconds(30)).ensure(PointsTopics.newTopics(this.catalogue));
				awaitLeaders(admin, this.topics.purchases().name());
				awaitLeaders(admin, this.topics.ledger().name());
			}
		}

		String name() {
			return this.points ? "points" : "yardstick";
		}

		void produce(int count, IntFunction<Instant> occurredAt, int perSecond) {
			// The loader, not the measured path: not idempotent, one request in flight
			// (so
			// still in order), because the embedded broker can answer a fresh idempotent
			// producer with OUT_OF_ORDER_SEQUENCE_NUMBER forever right after a topic is
			// created.
			Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
					ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
					ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1, ProducerConfig.LINGER_MS_CONFIG,
					(perSecond > 0) ? 0 : 5);
			try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config, new StringSerializer(),
					this.topics.purchases().valueSerde().serializer())) {
				AtomicReference<Exception> failure = new AtomicReference<>();
				long start = System.nanoTime();
				for (int i = 0; i < count; i++) {
					if (perSecond > 0) {
						long due = start + i * 1_000_000_000L / perSecond;
						// Parks, not spins: a spinning loader would take one of the two
						// cores.
						for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
							LockSupport.parkNanos(wait);
						}
					}
					String customerId = "customer-%06d".formatted(i % PointsBenchmark.this.customers);
					Instant at = occurredAt.apply(i);
					producer.send(new ProducerRecord<>(this.topics.purchases().name(), null, at.toEpochMilli(),
							customerId, purchase(customerId, i, at)), (metadata, exception) -> {
								if (exception != null) {
									failure.compareAndSet(null, exception);
								}
							});
				}
				producer.flush();
				if (failure.get() != null) {
					throw new IllegalStateException("the loader lost purchases: " + failure.get(), failure.get());
				}
			}
		}

		AutoCloseable startProcessor(SimpleMeterRegistry metrics) throws Exception {
			return this.points ? startPoints(metrics) : startYardstick();
		}

		private AutoCloseable startPoints(SimpleMeterRegistry metrics) throws Exception {
			Properties config = new Properties();
			config.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-points-" + this.id);
			config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
			config.putAll(ManagedStreams.guarantees());
			config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
			// One stream thread, like the service's default; -Dbench.threads to try more.
			config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.getInteger("bench.threads", 1));
			System.getProperties()
				.stringPropertyNames()
				.stream()
				.filter((name) -> name.startsWith("bench.streams."))
				.forEach((name) -> config.put(name.substring("bench.streams.".length()), System.getProperty(name)));
			config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("points-bench").toString());
			DistributionSummary sizes = DistributionSummary.builder("points.account.size").register(metrics);
			KafkaStreams streams = new KafkaStreams(PointsTopology.build(new StreamsBuilder(), this.topics,
					PointsTestRules.engine(NegativeBalancePolicy.ALLOW_NEGATIVE),
					new CustomerAccountSerde(sizes::record),
					new PointsTopology.Options(Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofHours(1),
							Duration.ofDays(36_500), Long.MAX_VALUE, Duration.ofDays(400), Duration.ofDays(400),
							Duration.ofDays(400)),
					metrics), config);
			streams.start();
			return () -> streams.close(Duration.ofSeconds(30));
		}

		/**
		 * The yardstick: consume, decode with the same serde, write a ledger entry with
		 * the same serde, in a transaction with the input offsets, committed every 100
		 * ms.
		 */
		private AutoCloseable startYardstick() {
			AtomicBoolean running = new AtomicBoolean(true);
			Thread loop = Thread.ofPlatform().name("yardstick").start(() -> {
				Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
						ConsumerConfig.GROUP_ID_CONFIG, "bench-yardstick-" + this.id,
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
				Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
						ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-yardstick-" + this.id,
						ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 10_000);
				try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(consumerConfig,
						new StringDeserializer(), this.topics.purchases().valueSerde().deserializer());
						KafkaProducer<String, PointsTransaction> producer = new KafkaProducer<>(producerConfig,
								new StringSerializer(), this.topics.ledger().valueSerde().serializer())) {
					producer.initTransactions();
					consumer.subscribe(List.of(this.topics.purchases().name()));
					Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
					long sequence = 0;
					long transactionStart = 0;
					boolean open = false;
					while (running.get()) {
						ConsumerRecords<String, SpecificRecord> records = consumer.poll(Duration.ofMillis(50));
						for (ConsumerRecord<String, SpecificRecord> record : records) {
							if (!open) {
								producer.beginTransaction();
								open = true;
								transactionStart = System.nanoTime();
							}
							PurchaseCompleted purchase = (PurchaseCompleted) record.value();
							sequence++;
							producer.send(new ProducerRecord<>(this.topics.ledger().name(), null, record.timestamp(),
									record.key(), ledgerEntry(purchase, sequence)));
							offsets.put(new TopicPartition(record.topic(), record.partition()),
									new OffsetAndMetadata(record.offset() + 1));
						}
						if (open && System.nanoTime() - transactionStart >= 100_000_000L) {
							producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
							producer.commitTransaction();
							offsets.clear();
							open = false;
						}
					}
				}
			});
			return () -> {
				running.set(false);
				loop.join();
			};
		}

		/**
		 * Waits until {@code count} records are committed on the ledger; returns the
		 * nanoTime of the first and the last.
		 */
		long[] awaitOutput(int count, List<Long> latencies) {
			Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
					ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID(),
					ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
					"read_committed");
			long first = 0;
			long last = 0;
			int seen = 0;
			long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
					new ByteArrayDeserializer())) {
				consumer.subscribe(List.of(this.topics.ledger().name()));
				while (seen < count && System.nanoTime() < deadline) {
					for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
						long now = System.nanoTime();
						if (seen == 0) {
							first = now;
						}
						last = now;
						seen++;
						if (latencies != null) {
							latencies.add(System.currentTimeMillis() - record.timestamp());
						}
					}
				}
			}
			if (seen < count) {
				throw new IllegalStateException(name() + ": only " + seen + " of " + count + " ledger entries");
			}
			return new long[] { first, last };
		}

	}

	/**
	 * A producer that writes to a topic before its partitions have a leader gets
	 * NOT_LEADER errors, which skew the first run: wait for the leaders first.
	 */
	private static void awaitLeaders(Admin admin, String topic) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			try {
				var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
				if (description.partitions().stream().allMatch((partition) -> partition.leader() != null)) {
					return;
				}
			}
			catch (ExecutionException ex) {
				// Not known to the broker's metadata yet.
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("no leaders for " + topic);
	}

	private String bootstrap() {
		return this.bootstrap;
	}

	private static PointsTransaction ledgerEntry(PurchaseCompleted purchase, long sequence) {
		long points = purchase.getTotal().longValue();
		return PointsTransaction.newBuilder()
			.setEventId(purchase.getCustomerId() + ":" + sequence)
			.setCustomerId(purchase.getCustomerId())
			.setOccurredAt(purchase.getOccurredAt())
			.setSequence(sequence)
			.setKind(PointsTransactionKind.EARN)
			.setPoints(points)
			.setBalanceAfter(points)
			.setAvailableAfter(0)
			.setPendingAfter(points)
			.setSourceEventId(purchase.getEventId())
			.setOrderId(purchase.getOrderId())
			.setExplanation("yardstick")
			.build();
	}

}
