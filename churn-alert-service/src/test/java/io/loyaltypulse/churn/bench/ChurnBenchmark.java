package io.loyaltypulse.churn.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import io.loyaltypulse.churn.engine.BenchProcessor;
import io.loyaltypulse.churn.engine.ChurnTopics;
import io.loyaltypulse.churn.engine.ChurnTopology;
import io.loyaltypulse.churn.engine.Events;
import io.loyaltypulse.churn.engine.TestEngine;
import io.loyaltypulse.events.ComplaintSeverity;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.support.streams.ManagedStreams;
import io.loyaltypulse.testsupport.SharedBroker;
import io.loyaltypulse.testsupport.bench.BenchKafka;
import io.loyaltypulse.testsupport.bench.TransactionalYardstick;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the churn engine and prints what it measured; never run by the build's tests
 * (DESIGN.md: benchmarks measure, tests do not assert on speed). One measurement per JVM:
 *
 * <pre>
 * engine N C           N input events of C customers (purchases mostly, invoices and payments, survey answers,
 *                      complaints, points-ledger entries; a year of history) produced first onto the five input
 *                      topics, then the topology (exactly-once v2, commit 100 ms, RocksDB, settle delay 1 s,
 *                      punctuation every 500 ms, so customers are checked during the run) started: events/s
 *                      between its first and its last committed input offset, the records it wrote per event
 *                      (changelogs of customer-profiles, alerts, churn-due, and churn-alerts), counted
 *                      read-committed, and the serialized bytes of its state records
 * yardstick N C K B..  the same backlog through a transactional consume -> produce loop (read-committed consumer,
 *                      transactional producer, offsets committed in the transaction every 100 ms) that decodes
 *                      each event with the engine's serdes and writes K records per event, of B.. value bytes
 *                      (cycled; the engine's sizes)
 * punctuation H D..    no broker: the engine's processor on its RocksDB stores (no changelogs, cache or commits)
 *                      with H customers held (each a history of purchases, all checked once), then the time of
 *                      one punctuation with D customers due, for each D
 * </pre>
 *
 * The broker is an embedded KRaft broker in this JVM (test-support's SharedBroker), or
 * {@code -Dbench.bootstrap=host:port}; the registry the in-memory {@code mock://} one.
 */
public final class ChurnBenchmark {

	private static final Logger log = LoggerFactory.getLogger(ChurnBenchmark.class);

	static final String[] STORES = { "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8" };

	static final String[] CATEGORIES = { "DELIVERY", "PRODUCT", "BILLING", "SERVICE" };

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, Object> registry = Map.of("schema.registry.url", "mock://churn-bench");

	private ChurnBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		ChurnBenchmark bench = new ChurnBenchmark();
		switch (args[0]) {
			case "engine" -> bench.engine(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			case "yardstick" -> bench.yardstick(Integer.parseInt(args[1]), Integer.parseInt(args[2]),
					Integer.parseInt(args[3]), Stream.of(args).skip(4).mapToInt(Integer::parseInt).toArray());
			case "punctuation" -> bench.punctuation(Integer.parseInt(args[1]),
					Stream.of(args).skip(2).mapToInt(Integer::parseInt).toArray());
			default -> throw new IllegalArgumentException("engine N C | yardstick N C K B.. | punctuation H D..");
		}
		System.exit(0);
	}

	private BenchKafka kafka() {
		String external = System.getProperty("bench.bootstrap");
		return new BenchKafka((external != null) ? external : SharedBroker.bootstrapServers(), this.registry);
	}

	private void engine(int events, int customers) throws Exception {
		BenchKafka kafka = kafka();
		ChurnTopics topics = topics();
		kafka.createTopics(topics.inputs().toArray(String[]::new));
		kafka.createTopics(topics.alerts().name(), topics.outcomes().name());
		Map<String, Long> loaded = load(kafka, topics, events, customers);
		String applicationId = "churn-bench-" + this.run;
		SimpleMeterRegistry metrics = new SimpleMeterRegistry();
		Duration settle = Duration.ofSeconds(1);
		Duration punctuation = Duration.ofMillis(500);
		try (KafkaStreams streams = streams(kafka, applicationId, topics, settle, punctuation, metrics)) {
			long started = System.currentTimeMillis();
			streams.start();
			double rate = kafka.awaitCommitted(applicationId, topics.inputs(), events);
			log.info("engine: {} events of {} customers ({}): {} events/s (started {} ms before the first commit)",
					events, customers, loaded, Math.round(rate), kafka.firstCommitAt() - started);
			log.info("engine: customers checked during the run: {} (settle delay {} ms, punctuation every {} ms)",
					Math.round(metrics.counter("churn.checks").count()), settle.toMillis(), punctuation.toMillis());
		}
		Map<String, Long> written = new LinkedHashMap<>();
		for (String topic : List.of(applicationId + "-" + ChurnTopology.PROFILES_STORE + "-changelog",
				applicationId + "-" + ChurnTopology.DUE_STORE + "-changelog",
				applicationId + "-" + ChurnTopology.ALERTS_STORE + "-changelog", topics.alerts().name(),
				topics.outcomes().name())) {
			written.put(topic, kafka.countCommitted(topic));
		}
		long total = written.values().stream().mapToLong(Long::longValue).sum();
		Map<String, String> perEvent = new LinkedHashMap<>();
		written.forEach((topic, count) -> perEvent.put(topic, String.format("%.3f", (double) count / events)));
		log.info("engine: records written per event: {} in all ({})", String.format("%.2f", (double) total / events),
				perEvent);
		logRecordBytes("engine", metrics);
	}

	private static void logRecordBytes(String what, MeterRegistry metrics) {
		for (String store : List.of(ChurnTopology.PROFILES_STORE, ChurnTopology.ALERTS_STORE)) {
			DistributionSummary bytes = metrics.find("churn.state.record.bytes").tag("store", store).summary();
			if (bytes != null && bytes.count() > 0) {
				log.info("{}: {} records written: {}, mean {} bytes, max {} bytes", what, store, bytes.count(),
						Math.round(bytes.mean()), Math.round(bytes.max()));
			}
		}
	}

	private void yardstick(int events, int customers, int recordsPerEvent, int[] sizes) throws Exception {
		BenchKafka kafka = kafka();
		ChurnTopics topics = topics();
		String output = "bench-yardstick-out-" + this.run;
		kafka.createTopics(topics.inputs().toArray(String[]::new));
		kafka.createTopics(output);
		load(kafka, topics, events, customers);
		Map<String, Deserializer<?>> deserializers = Map.of(topics.purchases().name(),
				topics.purchases().valueSerde().deserializer(), topics.invoices().name(),
				topics.invoices().valueSerde().deserializer(), topics.surveyResponses().name(),
				topics.surveyResponses().valueSerde().deserializer(), topics.complaints().name(),
				topics.complaints().valueSerde().deserializer(), topics.pointsLedger().name(),
				topics.pointsLedger().valueSerde().deserializer(), topics.actions().name(),
				topics.actions().valueSerde().deserializer());
		Deserializer<SpecificRecord> values = (topic,
				data) -> (SpecificRecord) deserializers.get(topic).deserialize(topic, data);
		int[] valueSizes = new int[recordsPerEvent];
		for (int i = 0; i < recordsPerEvent; i++) {
			valueSizes[i] = (sizes.length > 0) ? sizes[i % sizes.length] : 100;
		}
		double rate = new TransactionalYardstick<>(kafka, "yardstick-" + this.run, values, ChurnBenchmark::customerOf)
			.run(topics.inputs(), events, output, valueSizes);
		log.info("yardstick: {} events of {} customers, {} records each of {} bytes: {} events/s", events, customers,
				recordsPerEvent, java.util.Arrays.toString(valueSizes), Math.round(rate));
	}

	private static String customerOf(SpecificRecord event) {
		return (String) event.get(event.getSchema().getField("customerId").pos());
	}

	private KafkaStreams streams(BenchKafka kafka, String applicationId, ChurnTopics topics, Duration settle,
			Duration punctuation, MeterRegistry metrics) throws IOException {
		StreamsBuilder builder = new StreamsBuilder();
		ChurnTopology.addTo(builder, topics, TestEngine.engine(settle, punctuation),
				ChurnTopology.StateStores.PERSISTENT, metrics);
		Properties config = new Properties();
		config.putAll(this.registry);
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
		config.putAll(ManagedStreams.guarantees());
		config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
		config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("churn-bench").toString());
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
		System.getProperties()
			.stringPropertyNames()
			.stream()
			.filter((name) -> name.startsWith("bench.streams."))
			.forEach((name) -> config.put(name.substring("bench.streams.".length()), System.getProperty(name)));
		return new KafkaStreams(builder.build(), config);
	}

	/**
	 * Produces the backlog, each event keyed by its customer and stamped with its
	 * occurredAt, a year of history in time order.
	 * @return events by kind
	 */
	private Map<String, Long> load(BenchKafka kafka, ChurnTopics topics, int events, int customers) {
		Map<String, Serializer<Object>> serializers = Map.of(topics.purchases().name(),
				serializer(topics.purchases().valueSerde().serializer()), topics.invoices().name(),
				serializer(topics.invoices().valueSerde().serializer()), topics.surveyResponses().name(),
				serializer(topics.surveyResponses().valueSerde().serializer()), topics.complaints().name(),
				serializer(topics.complaints().valueSerde().serializer()), topics.pointsLedger().name(),
				serializer(topics.pointsLedger().valueSerde().serializer()));
		Map<String, Long> kinds = new TreeMap<>();
		EventMix mix = new EventMix(new Random(11), customers, Instant.now().minus(Duration.ofDays(365)),
				Duration.ofDays(365).dividedBy(events));
		// Not idempotent (still in order: one request in flight): the embedded broker
		// answered a fresh idempotent producer with OUT_OF_ORDER_SEQUENCE_NUMBER right
		// after topic creation (docs/benchmarks.md, points-service).
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
						ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1, ProducerConfig.LINGER_MS_CONFIG, 5),
				new StringSerializer(), new ByteArraySerializer())) {
			for (int i = 0; i < events; i++) {
				SpecificRecord event = mix.next();
				String topic = topicOf(topics, event);
				kinds.merge(event.getSchema().getName(), 1L, Long::sum);
				Instant at = (Instant) event.get(event.getSchema().getField("occurredAt").pos());
				producer.send(new ProducerRecord<>(topic, null, at.toEpochMilli(), customerOf(event),
						serializers.get(topic).serialize(topic, event)));
			}
			producer.flush();
		}
		log.info("loaded {} events of {} customers: {}", events, customers, kinds);
		return kinds;
	}

	@SuppressWarnings("unchecked")
	private static Serializer<Object> serializer(Serializer<?> serializer) {
		return (Serializer<Object>) serializer;
	}

	private static String topicOf(ChurnTopics topics, SpecificRecord event) {
		return switch (event.getSchema().getName()) {
			case "PurchaseCompleted", "PurchaseRefunded" -> topics.purchases().name();
			case "InvoiceIssued", "InvoicePaymentReceived", "InvoiceCancelled" -> topics.invoices().name();
			case "SurveyResponded" -> topics.surveyResponses().name();
			case "ComplaintFiled", "ComplaintResolved" -> topics.complaints().name();
			case "PointsTransaction" -> topics.pointsLedger().name();
			default -> throw new IllegalArgumentException(event.getSchema().getName());
		};
	}

	private ChurnTopics topics() {
		Map<String, Object> config = new HashMap<>(this.registry);
		for (String key : List.of("purchases", "invoices", "survey-responses", "complaints", "points-ledger",
				"churn-alert-actions", "churn-alerts", "churn-alert-action-outcomes")) {
			config.put(TopicCatalogue.NAME_PREFIX + key, "bench-" + key + "-" + this.run);
		}
		return ChurnTopics.from(new TopicCatalogue(config));
	}

	/**
	 * The punctuation's cost with {@code held} customers in the stores, on the processor
	 * and its RocksDB stores (BenchProcessor: no changelogs, cache or commits). The
	 * customers are loaded through the processor (each a history of purchases) and all
	 * checked once; then, for each D, D of them get a purchase (not measured), the wall
	 * clock moves on by the settle delay, and one punctuation is timed (it checks at most
	 * 10,000 customers).
	 */
	private void punctuation(int held, int[] dueCounts) throws Exception {
		int history = Integer.getInteger("bench.history", 4);
		int repetitions = Integer.getInteger("bench.repetitions", 7);
		Duration settle = Duration.ofMinutes(1);
		Path stateDir = Files.createTempDirectory("churn-bench-punctuation");
		SimpleMeterRegistry metrics = new SimpleMeterRegistry();
		Instant start = Instant.now();
		long[] clock = { start.toEpochMilli() };
		try (BenchProcessor processor = new BenchProcessor(TestEngine.engine(settle, settle), stateDir, metrics,
				clock[0])) {
			Random random = new Random(17);
			long loadStarted = System.nanoTime();
			for (int customer = 0; customer < held; customer++) {
				String customerId = customerId(customer);
				int gapDays = 7 + random.nextInt(40);
				for (int k = history; k > 0; k--) {
					Instant at = start.minus(Duration.ofDays((long) k * gapDays + random.nextInt(3)))
						.plusSeconds(random.nextInt(36_000));
					processor.process(customerId,
							Events.purchase(customerId, customerId + "-o" + k, at, amount(random)), at.toEpochMilli());
				}
				if ((customer + 1) % 200_000 == 0) {
					log.info("punctuation: {} customers loaded ({} s)", customer + 1,
							(System.nanoTime() - loadStarted) / 1_000_000_000L);
				}
			}
			long loaded = System.nanoTime();
			clock[0] += settle.toMillis();
			processor.wallClock(clock[0]);
			int passes = 0;
			while (checks(metrics) < held && passes < held / 10_000 + 10) {
				processor.punctuate();
				passes++;
			}
			log.info(
					"punctuation: {} customers held, {} purchases each, loaded in {} s, checked once in {} s ({} "
							+ "punctuations, {} checks)",
					held, history, (loaded - loadStarted) / 1_000_000_000L,
					(System.nanoTime() - loaded) / 1_000_000_000L, passes, checks(metrics));
			logRecordBytes("punctuation", metrics);
			processor.flush();
			logDisk(stateDir, held);

			List<Integer> order = new ArrayList<>(held);
			for (int i = 0; i < held; i++) {
				order.add(i);
			}
			Collections.shuffle(order, random);
			ArrayDeque<Integer> next = new ArrayDeque<>(order);
			// Warm-up: the JIT, not measured.
			for (int i = 0; i < 5; i++) {
				measure(processor, clock, metrics, next, random, Math.min(1000, held / 10), settle);
			}
			for (int due : dueCounts) {
				List<Long> nanos = new ArrayList<>();
				long checked = 0;
				for (int r = 0; r < repetitions; r++) {
					long[] measured = measure(processor, clock, metrics, next, random, due, settle);
					nanos.add(measured[0]);
					checked += measured[1];
				}
				Collections.sort(nanos);
				log.info(
						"punctuation: {} customers held, {} due: median {} ms, min {} ms, max {} ms per punctuation "
								+ "({} per due customer at the median; {} customers checked per punctuation on "
								+ "average, {} repetitions)",
						held, due, millis(nanos.get(nanos.size() / 2)), millis(nanos.get(0)),
						millis(nanos.get(nanos.size() - 1)),
						(due > 0) ? String.format("%.1f us", nanos.get(nanos.size() / 2) / 1000.0 / due) : "-",
						String.format("%.1f", (double) checked / repetitions), repetitions);
			}
			// Where the time of a punctuation with nothing due goes: the due index read
			// from
			// its start (as DueIndex.takeDue does), or from 30 s before now, after the
			// entries that earlier punctuations took (and deleted).
			String to = "%019d|\uffff".formatted(clock[0]);
			for (String from : List.of("", "%019d|".formatted(clock[0] - Duration.ofSeconds(30).toMillis()))) {
				List<Long> nanos = new ArrayList<>();
				long entries = 0;
				for (int r = 0; r < repetitions; r++) {
					long[] scan = processor.scanDue(from, to);
					nanos.add(scan[0]);
					entries = scan[1];
				}
				Collections.sort(nanos);
				log.info("punctuation: {} customers held, due index read from \"{}\" to now: median {} ms, {} "
						+ "entries", held, from, millis(nanos.get(nanos.size() / 2)), entries);
			}
		}
	}

	/**
	 * @return the nanoseconds of the punctuation, and the customers it checked
	 */
	private static long[] measure(BenchProcessor processor, long[] clock, MeterRegistry metrics,
			ArrayDeque<Integer> next, Random random, int due, Duration settle) {
		Instant now = Instant.ofEpochMilli(clock[0]);
		for (int i = 0; i < due; i++) {
			Integer customer = next.pollFirst();
			next.addLast(customer);
			String customerId = customerId(customer);
			processor.process(customerId,
					Events.purchase(customerId, customerId + "-" + UUID.randomUUID(), now, amount(random)),
					now.toEpochMilli());
		}
		clock[0] += settle.toMillis();
		processor.wallClock(clock[0]);
		long checks = checks(metrics);
		long started = System.nanoTime();
		processor.punctuate();
		long nanos = System.nanoTime() - started;
		return new long[] { nanos, checks(metrics) - checks };
	}

	private static long checks(MeterRegistry metrics) {
		return Math.round(metrics.counter("churn.checks").count());
	}

	private static String millis(long nanos) {
		return String.format("%.2f", nanos / 1e6);
	}

	private static void logDisk(Path stateDir, int held) throws IOException {
		Map<String, Long> bytes = new TreeMap<>();
		try (Stream<Path> files = Files.walk(stateDir)) {
			files.filter(Files::isRegularFile).forEach((file) -> {
				for (String store : List.of(ChurnTopology.PROFILES_STORE, ChurnTopology.ALERTS_STORE,
						ChurnTopology.DUE_STORE)) {
					if (file.toString().contains("/" + store + "/")) {
						try {
							bytes.merge(store, Files.size(file), Long::sum);
						}
						catch (IOException ex) {
							// deleted by a compaction meanwhile
						}
					}
				}
			});
		}
		Map<String, String> perCustomer = new TreeMap<>();
		bytes.forEach((store, size) -> perCustomer.put(store, String.format("%.1f", (double) size / held)));
		log.info("punctuation: RocksDB files on disk (SST, excluding what is still in the memtables): {} bytes, "
				+ "per customer held {}", bytes, perCustomer);
	}

	static String customerId(int customer) {
		return "c-" + customer;
	}

	static String amount(Random random) {
		return BigDecimal.valueOf(500 + random.nextInt(19_500), 2).toPlainString();
	}

	/**
	 * The input events of a shop, in time order: purchases mostly, then points-ledger
	 * entries and survey answers, invoices and their payments (some paid late or never),
	 * complaints filed and resolved.
	 */
	static final class EventMix {

		private final Random random;

		private final int customers;

		private final Duration step;

		private Instant at;

		private long sequence;

		private final ArrayDeque<String[]> openInvoices = new ArrayDeque<>();

		private final Map<Integer, String> openComplaints = new HashMap<>();

		private final Map<Integer, long[]> points = new HashMap<>();

		EventMix(Random random, int customers, Instant start, Duration step) {
			this.random = random;
			this.customers = customers;
			this.at = start;
			this.step = step;
		}

		SpecificRecord next() {
			this.at = this.at.plus(this.step);
			this.sequence++;
			int customer = this.random.nextInt(this.customers);
			String customerId = customerId(customer);
			String id = Long.toString(this.sequence);
			int kind = this.random.nextInt(100);
			if (kind < 60) {
				return Events.purchase(customerId, "o-" + id, this.at, amount(this.random));
			}
			if (kind < 75) {
				long[] ledger = this.points.computeIfAbsent(customer, (c) -> new long[2]);
				ledger[0]++;
				long earned = 10 + this.random.nextInt(200);
				ledger[1] += earned;
				return PointsTransaction.newBuilder()
					.setEventId("ledger-" + id)
					.setCustomerId(customerId)
					.setOccurredAt(this.at)
					.setSequence(ledger[0])
					.setKind(PointsTransactionKind.EARN)
					.setPoints(earned)
					.setBalanceAfter(ledger[1])
					.setAvailableAfter(ledger[1])
					.setPendingAfter(0)
					.setSourceEventId("purchase-" + id)
					.setExplanation("1 point per euro")
					.build();
			}
			if (kind < 83) {
				return Events.answer(customerId, "r-" + id,
						(this.random.nextInt(10) == 0) ? null : this.random.nextInt(11), this.at);
			}
			if (kind < 90 || (kind < 97 && this.openInvoices.isEmpty())) {
				String amount = amount(this.random);
				this.openInvoices.addLast(new String[] { customerId, "i-" + id, amount });
				return Events.invoice(customerId, "i-" + id, this.at, amount,
						LocalDate.ofInstant(this.at, ZoneOffset.UTC).plusDays(30));
			}
			if (kind < 97) {
				// The oldest invoice still open is paid (some late: after its due date).
				String[] invoice = this.openInvoices.pollFirst();
				return Events.payment(invoice[0], invoice[1], "p-" + id, this.at, invoice[2]);
			}
			String complaint = this.openComplaints.remove(customer);
			if (complaint != null) {
				return Events.resolution(customerId, complaint, this.at, this.random.nextBoolean());
			}
			this.openComplaints.put(customer, "k-" + id);
			return Events.complaint(customerId, "k-" + id,
					ComplaintSeverity.values()[this.random.nextInt(ComplaintSeverity.values().length)], this.at);
		}

	}

}
