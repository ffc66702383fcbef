package io.loyaltypulse.survey.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.survey.engine.NpsTopics;
import io.loyaltypulse.survey.engine.NpsTopology;
import io.loyaltypulse.survey.nps.SliceSet;
import io.loyaltypulse.survey.nps.Slicing;
import io.loyaltypulse.testsupport.SharedBroker;
import io.loyaltypulse.testsupport.bench.BenchKafka;
import io.loyaltypulse.testsupport.bench.TransactionalYardstick;
import io.loyaltypulse.support.streams.ManagedStreams;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the NPS engine and prints what it measured; never run by the build's tests
 * (DESIGN.md: benchmarks measure, tests do not assert on speed). One measurement per JVM:
 *
 * <pre>
 * engine N C          N answers of C customers produced first, then the topology (exactly-once, commit 100 ms,
 *                     RocksDB) started: answers/s between its first and its last committed input offset, and the
 *                     records it wrote per answer (repartition, changelogs, nps-scores), counted read-committed
 * yardstick N C K     the same backlog through a transactional consume -> produce loop (read-committed consumer,
 *                     transactional producer, offsets committed in the transaction every 100 ms) that decodes each
 *                     answer and writes K records of the engine's sizes
 * latency R S         R answers/s for S seconds (after 5 s of warm-up at the same rate): from the send to the
 *                     committed nps-scores record of the answer's own survey slice (when /nps can show it)
 * trend               no broker: /nps/trend's work (NpsReports over the slice-day store) for 2 years of weekly
 *                     points, 500 stores answering every day; p50/p99 of 2,000 queries; bytes per slice-day
 * </pre>
 *
 * The broker is an embedded KRaft broker in this JVM (test-support's SharedBroker), or
 * {@code -Dbench.bootstrap=host:port}; the registry the in-memory {@code mock://} one.
 */
public final class SurveyBenchmark {

	private static final Logger log = LoggerFactory.getLogger(SurveyBenchmark.class);

	static final int STORES = 500;

	static final String[] CHANNELS = { "WEB", "APP", "STORE" };

	static final String[] REGIONS = { "NORTH", "SOUTH", "EAST", "WEST", "CENTRE" };

	static final String[] SEGMENTS = { "NEW", "REGULAR", "VIP", "LAPSED" };

	static final String[] TOUCHPOINTS = { "POST_PURCHASE", "DELIVERY", "SUPPORT", "RELATIONSHIP" };

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String bootstrap;

	private final Map<String, Object> registry = Map.of("schema.registry.url", "mock://survey-bench");

	private final BenchKafka kafka;

	private SurveyBenchmark(String bootstrap) {
		this.bootstrap = bootstrap;
		this.kafka = new BenchKafka(bootstrap, this.registry);
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("trend")) {
			io.loyaltypulse.survey.query.TrendBenchmark.run();
			return;
		}
		String external = System.getProperty("bench.bootstrap");
		SurveyBenchmark bench = new SurveyBenchmark((external != null) ? external : SharedBroker.bootstrapServers());
		switch (args[0]) {
			case "engine" -> bench.engine(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			case "yardstick" ->
				bench.yardstick(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
			case "latency" -> bench.latency(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
			default -> throw new IllegalArgumentException("engine N C | yardstick N C K | latency R S | trend");
		}
		System.exit(0);
	}

	private void engine(int answers, int customers) throws Exception {
		NpsTopics topics = topics();
		this.kafka.createTopics(topics.surveyResponses().name(), topics.npsScores().name());
		load(topics.surveyResponses(), answers, customers);
		String applicationId = "survey-bench-" + this.run;
		try (KafkaStreams streams = streams(applicationId, topics, null)) {
			Instant started = Instant.now();
			streams.start();
			double rate = this.kafka.awaitCommitted(applicationId, List.of(topics.surveyResponses().name()), answers);
			log.info("engine: {} answers of {} customers: {} answers/s (started {} ms before the first commit)",
					answers, customers, Math.round(rate), this.kafka.firstCommitAt() - started.toEpochMilli());
		}
		Map<String, Long> written = new HashMap<>();
		for (String topic : List.of(applicationId + "-nps-slice-deltas-repartition",
				applicationId + "-nps-responses-changelog", applicationId + "-nps-slice-days-changelog",
				topics.npsScores().name())) {
			written.put(topic, this.kafka.countCommitted(topic));
		}
		long total = written.values().stream().mapToLong(Long::longValue).sum();
		log.info("engine: records written per answer: {} in all ({})", String.format("%.2f", (double) total / answers),
				written);
	}

	private void yardstick(int answers, int customers, int recordsPerAnswer) throws Exception {
		NpsTopics topics = topics();
		String output = "bench-yardstick-out-" + this.run;
		this.kafka.createTopics(topics.surveyResponses().name(), output);
		load(topics.surveyResponses(), answers, customers);
		int[] sizes = new int[recordsPerAnswer];
		Arrays.fill(sizes, 97);
		double rate = new TransactionalYardstick<>(this.kafka, "yardstick-" + this.run,
				topics.surveyResponses().valueSerde().deserializer(), (answer) -> "store=" + answer.getStoreId())
			.run(List.of(topics.surveyResponses().name()), answers, output, sizes);
		log.info("yardstick: {} answers, {} records each: {} answers/s", answers, recordsPerAnswer, Math.round(rate));
	}

	private void latency(int perSecond, int seconds) throws Exception {
		NpsTopics topics = topics();
		this.kafka.createTopics(topics.surveyResponses().name(), topics.npsScores().name());
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		String applicationId = "survey-bench-latency-" + this.run;
		try (KafkaStreams streams = streams(applicationId, topics, null);
				KafkaConsumer<String, byte[]> scores = new KafkaConsumer<>(
						this.kafka.consumerConfig("latency-" + this.run), new StringDeserializer(),
						new ByteArrayDeserializer());
				KafkaProducer<String, SurveyResponded> producer = loader(topics.surveyResponses())) {
			streams.start();
			scores.subscribe(List.of(topics.npsScores().name()));
			Thread reader = Thread.ofPlatform().daemon().start(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					for (ConsumerRecord<String, byte[]> record : scores.poll(Duration.ofMillis(20))) {
						Long sent = sentAt.remove(record.key());
						if (sent != null && sent > 0) {
							latencies.add(System.nanoTime() - sent);
						}
					}
				}
			});
			Random random = new Random(7);
			long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
			long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			long end = warmupEnd + TimeUnit.SECONDS.toNanos(seconds);
			long next = System.nanoTime();
			for (int i = 0; System.nanoTime() < end; i++) {
				while (System.nanoTime() < next) {
					Thread.onSpinWait();
				}
				next += interval;
				String survey = "latency-" + i;
				SurveyResponded answer = answer(random, "c-" + random.nextInt(10_000), "r-" + i, Instant.now(), 30)
					.setSurveyId(survey)
					.build();
				boolean measured = System.nanoTime() > warmupEnd;
				sentAt.put("survey=" + survey, measured ? System.nanoTime() : 0L);
				producer.send(new ProducerRecord<>(topics.surveyResponses().name(), null,
						answer.getOccurredAt().toEpochMilli(), answer.getCustomerId(), answer));
			}
			producer.flush();
			long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (sentAt.values().stream().anyMatch((sent) -> sent > 0) && System.nanoTime() < waitUntil) {
				Thread.sleep(100);
			}
			reader.interrupt();
			List<Long> sorted = new ArrayList<>(latencies);
			Collections.sort(sorted);
			log.info(
					"latency at {} answers/s for {} s, send -> committed nps-scores: p50 {} ms, p99 {} ms, max {} ms "
							+ "({} measured, {} not seen)",
					perSecond, seconds, millis(sorted, 0.50), millis(sorted, 0.99), millis(sorted, 1.0), sorted.size(),
					sentAt.values().stream().filter((sent) -> sent > 0).count());
		}
	}

	private static long millis(List<Long> sorted, double quantile) {
		if (sorted.isEmpty()) {
			return -1;
		}
		int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
		return TimeUnit.NANOSECONDS.toMillis(sorted.get(Math.max(0, index)));
	}

	private KafkaStreams streams(String applicationId, NpsTopics topics, Path stateDir) throws Exception {
		StreamsBuilder builder = new StreamsBuilder();
		NpsTopology.addTo(builder, topics, new Slicing(List.of(SliceSet.parse("store+touchpoint"))),
				Duration.ofDays(1100), NpsTopology.StateStores.PERSISTENT, new SimpleMeterRegistry());
		Properties config = new Properties();
		config.putAll(this.registry);
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		config.putAll(ManagedStreams.guarantees());
		config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
		config.put(StreamsConfig.STATE_DIR_CONFIG,
				((stateDir != null) ? stateDir : Files.createTempDirectory("survey-bench")).toString());
		config.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
		System.getProperties()
			.stringPropertyNames()
			.stream()
			.filter((name) -> name.startsWith("bench.streams."))
			.forEach((name) -> config.put(name.substring("bench.streams.".length()), System.getProperty(name)));
		return new KafkaStreams(builder.build(), config);
	}

	private void load(Topic<String, SurveyResponded> topic, int answers, int customers) throws Exception {
		Random random = new Random(11);
		Instant start = Instant.now().minus(Duration.ofDays(30));
		try (KafkaProducer<String, SurveyResponded> producer = loader(topic)) {
			for (int i = 0; i < answers; i++) {
				SurveyResponded answer = answer(random, "c-" + random.nextInt(customers), "r-" + i,
						start.plusSeconds(random.nextInt(30 * 86_400)), STORES)
					.build();
				producer.send(new ProducerRecord<>(topic.name(), null, answer.getOccurredAt().toEpochMilli(),
						answer.getCustomerId(), answer));
			}
			producer.flush();
		}
		log.info("loaded {} answers of {} customers", answers, customers);
	}

	static SurveyResponded.Builder answer(Random random, String customerId, String responseId, Instant at, int stores) {
		return SurveyResponded.newBuilder()
			.setEventId("evt-" + responseId)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setResponseId(responseId)
			.setSurveyId("Q" + random.nextInt(3))
			.setScore((random.nextInt(12) == 0) ? null : random.nextInt(11))
			.setTouchpoint(TOUCHPOINTS[random.nextInt(TOUCHPOINTS.length)])
			.setStoreId("S" + random.nextInt(stores))
			.setChannel(CHANNELS[random.nextInt(CHANNELS.length)])
			.setRegion(REGIONS[random.nextInt(REGIONS.length)])
			.setSegment(SEGMENTS[random.nextInt(SEGMENTS.length)]);
	}

	/**
	 * Not idempotent (still in order: one request in flight): the embedded broker
	 * answered a fresh idempotent producer with OUT_OF_ORDER_SEQUENCE_NUMBER right after
	 * topic creation (docs/benchmarks.md, points-service).
	 */
	private KafkaProducer<String, SurveyResponded> loader(Topic<String, SurveyResponded> topic) {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap,
						ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1, ProducerConfig.LINGER_MS_CONFIG, 5),
				new StringSerializer(), topic.valueSerde().serializer());
	}

	private NpsTopics topics() {
		Map<String, Object> config = new HashMap<>(this.registry);
		config.put("loyalty.topics.survey-responses", "bench-responses-" + this.run);
		config.put("loyalty.topics.nps-scores", "bench-scores-" + this.run);
		return NpsTopics.from(new TopicCatalogue(config));
	}

}
