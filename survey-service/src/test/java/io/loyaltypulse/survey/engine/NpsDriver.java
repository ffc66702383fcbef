package io.loyaltypulse.survey.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.loyaltypulse.events.NpsScoreUpdated;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.support.streams.DeadLetterHandler;
import io.loyaltypulse.support.streams.ManagedStreams;
import io.loyaltypulse.survey.nps.AnswerCounts;
import io.loyaltypulse.survey.nps.SliceSet;
import io.loyaltypulse.survey.nps.Slicing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The NPS topology in a {@link TopologyTestDriver} with an in-memory registry of its own,
 * exactly-once and the dead-letter handler as in production; responses go in keyed by
 * their customer and stamped with their occurredAt, as the ingest writes them.
 */
public final class NpsDriver implements AutoCloseable {

	static final Duration RETENTION = Duration.ofDays(400);

	final TopologyTestDriver driver;

	final NpsTopics topics;

	final TestInputTopic<String, SurveyResponded> responses;

	final TestInputTopic<String, byte[]> rawResponses;

	final TestOutputTopic<String, NpsScoreUpdated> scores;

	final TestOutputTopic<byte[], byte[]> deadLetters;

	/** With RocksDB stores, as in production. */
	public NpsDriver(Path stateDir, String... combinations) {
		this(NpsTopology.StateStores.PERSISTENT, stateDir, combinations);
	}

	/**
	 * With the given stores: in memory where many records go through, since the driver's
	 * commit after every record flushes RocksDB each time (25 ms a record).
	 */
	public NpsDriver(NpsTopology.StateStores stores, Path stateDir, String... combinations) {
		this.topics = NpsTopics
			.from(new TopicCatalogue(Map.of("schema.registry.url", "mock://nps-topology-" + UUID.randomUUID())));
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "survey-service-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.putAll(ManagedStreams.guarantees());
		config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		Slicing slicing = new Slicing(List.of(combinations).stream().map(SliceSet::parse).toList());
		StreamsBuilder builder = new StreamsBuilder();
		NpsTopology.addTo(builder, this.topics, slicing, RETENTION, stores, new SimpleMeterRegistry());
		this.driver = new TopologyTestDriver(builder.build(), config);
		StringSerializer keys = new StringSerializer();
		this.responses = this.driver.createInputTopic(this.topics.surveyResponses().name(), keys,
				this.topics.surveyResponses().valueSerde().serializer());
		this.rawResponses = this.driver.createInputTopic(this.topics.surveyResponses().name(), keys,
				new ByteArraySerializer());
		this.scores = this.driver.createOutputTopic(this.topics.npsScores().name(), new StringDeserializer(),
				this.topics.npsScores().valueSerde().deserializer());
		this.deadLetters = this.driver.createOutputTopic(this.topics.surveyResponses().deadLetterTopic(),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	public NpsDriver send(SurveyResponded... responses) {
		for (SurveyResponded response : responses) {
			this.responses.pipeInput(response.getCustomerId(), response, response.getOccurredAt());
		}
		return this;
	}

	/** The counts of a slice on a day; none when nothing was counted there. */
	AnswerCounts counts(String slice, LocalDate day) {
		Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
		try (WindowStoreIterator<AnswerCounts> days = store().fetch(slice, start, start)) {
			return days.hasNext() ? days.next().value : AnswerCounts.NONE;
		}
	}

	/** Everything in the slice-day store, by "slice|day". */
	Map<String, AnswerCounts> allCounts() {
		Map<String, AnswerCounts> all = new LinkedHashMap<>();
		try (KeyValueIterator<Windowed<String>, AnswerCounts> entries = store().all()) {
			entries.forEachRemaining((entry) -> all.put(
					entry.key.key() + "|"
							+ LocalDate.ofInstant(Instant.ofEpochMilli(entry.key.window().start()), ZoneOffset.UTC),
					entry.value));
		}
		return all;
	}

	/** The newest NpsScoreUpdated of each slice-day emitted since the last read. */
	Map<String, NpsScoreUpdated> latestScores() {
		Map<String, NpsScoreUpdated> latest = new LinkedHashMap<>();
		for (KeyValue<String, NpsScoreUpdated> record : this.scores.readKeyValuesToList()) {
			latest.put(record.key + "|" + record.value.getDay(), record.value);
		}
		return latest;
	}

	List<String> deadLetterReasons() {
		return this.deadLetters.readRecordsToList()
			.stream()
			.map((record) -> new String(record.headers().lastHeader(DeadLetterHandler.REASON_HEADER).value(),
					StandardCharsets.UTF_8))
			.toList();
	}

	/** The slice-day store, as interactive queries give it. */
	public ReadOnlyWindowStore<String, AnswerCounts> store() {
		return this.driver.getWindowStore(NpsTopology.SLICE_DAYS_STORE);
	}

	@Override
	public void close() {
		this.driver.close();
	}

}
