package io.loyaltypulse.churn.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.loyaltypulse.churn.alerts.Alert;
import io.loyaltypulse.churn.profile.CustomerProfile;
import io.loyaltypulse.churn.silence.BgNbdParameters;
import io.loyaltypulse.events.ChurnAlertActionOutcome;
import io.loyaltypulse.events.ChurnAlertActionRequested;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.support.streams.ManagedStreams;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The churn topology in a {@link TopologyTestDriver}, exactly-once and the dead-letter
 * handler as in production, in-memory stores, its own in-memory registry, and a wall
 * clock the test moves: events go in stamped with their occurredAt, and {@link #advance}
 * lets the punctuator check the customers that fell due.
 */
final class ChurnDriver implements AutoCloseable {

	/** The published BG/NBD fit on CDNOW, in weeks: the service's default model. */
	static final BgNbdParameters CDNOW = TestEngine.CDNOW;

	static final Duration SETTLE = Duration.ofMinutes(1);

	static final Duration PUNCTUATION = Duration.ofSeconds(30);

	static final Duration ESCALATE_AFTER = TestEngine.ESCALATE_AFTER;

	final TopologyTestDriver driver;

	final ChurnTopics topics;

	private final TestInputTopic<String, SpecificRecord> purchases;

	private final TestInputTopic<String, SpecificRecord> invoices;

	private final TestInputTopic<String, SurveyResponded> answers;

	private final TestInputTopic<String, SpecificRecord> complaints;

	private final TestInputTopic<String, PointsTransaction> ledger;

	private final TestInputTopic<String, ChurnAlertActionRequested> actions;

	final TestInputTopic<String, byte[]> rawInvoices;

	private final TestOutputTopic<String, SpecificRecord> alerts;

	private final TestOutputTopic<String, ChurnAlertActionOutcome> outcomes;

	final TestOutputTopic<byte[], byte[]> invoiceDeadLetters;

	ChurnDriver(Instant wallClock) {
		this.topics = ChurnTopics
			.from(new TopicCatalogue(Map.of("schema.registry.url", "mock://churn-topology-" + UUID.randomUUID())));
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "churn-alert-service-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.putAll(ManagedStreams.guarantees());
		StreamsBuilder builder = new StreamsBuilder();
		ChurnTopology.addTo(builder, this.topics, engine(), ChurnTopology.StateStores.IN_MEMORY,
				new SimpleMeterRegistry());
		this.driver = new TopologyTestDriver(builder.build(), config, wallClock);
		StringSerializer keys = new StringSerializer();
		this.purchases = input(this.topics.purchases().name(), this.topics.purchases().valueSerde().serializer());
		this.invoices = input(this.topics.invoices().name(), this.topics.invoices().valueSerde().serializer());
		this.answers = this.driver.createInputTopic(this.topics.surveyResponses().name(), keys,
				this.topics.surveyResponses().valueSerde().serializer());
		this.complaints = input(this.topics.complaints().name(), this.topics.complaints().valueSerde().serializer());
		this.ledger = this.driver.createInputTopic(this.topics.pointsLedger().name(), keys,
				this.topics.pointsLedger().valueSerde().serializer());
		this.actions = this.driver.createInputTopic(this.topics.actions().name(), keys,
				this.topics.actions().valueSerde().serializer());
		this.rawInvoices = this.driver.createInputTopic(this.topics.invoices().name(), keys, new ByteArraySerializer());
		this.alerts = this.driver.createOutputTopic(this.topics.alerts().name(), new StringDeserializer(),
				this.topics.alerts().valueSerde().deserializer());
		this.outcomes = this.driver.createOutputTopic(this.topics.outcomes().name(), new StringDeserializer(),
				this.topics.outcomes().valueSerde().deserializer());
		this.invoiceDeadLetters = this.driver.createOutputTopic(this.topics.invoices().deadLetterTopic(),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	static ChurnTopology.Engine engine() {
		return TestEngine.engine(SETTLE, PUNCTUATION);
	}

	private TestInputTopic<String, SpecificRecord> input(String topic,
			org.apache.kafka.common.serialization.Serializer<SpecificRecord> serializer) {
		return this.driver.createInputTopic(topic, new StringSerializer(), serializer);
	}

	/**
	 * Sends events in order, each keyed by its customer and stamped with its occurredAt.
	 */
	ChurnDriver send(SpecificRecord... events) {
		for (SpecificRecord event : events) {
			String customerId = (String) event.get(event.getSchema().getField("customerId").pos());
			Instant at = (Instant) event.get(event.getSchema().getField("occurredAt").pos());
			switch (event) {
				case io.loyaltypulse.events.PurchaseCompleted purchase ->
					this.purchases.pipeInput(customerId, purchase, at);
				case io.loyaltypulse.events.PurchaseRefunded refund -> this.purchases.pipeInput(customerId, refund, at);
				case SurveyResponded answer -> this.answers.pipeInput(customerId, answer, at);
				case PointsTransaction entry -> this.ledger.pipeInput(customerId, entry, at);
				case ChurnAlertActionRequested action -> this.actions.pipeInput(customerId, action, at);
				case io.loyaltypulse.events.ComplaintFiled filed -> this.complaints.pipeInput(customerId, filed, at);
				case io.loyaltypulse.events.ComplaintResolved resolved ->
					this.complaints.pipeInput(customerId, resolved, at);
				default -> this.invoices.pipeInput(customerId, event, at);
			}
		}
		return this;
	}

	/** Moves the wall clock on in punctuation steps, so every due check runs. */
	ChurnDriver advance(Duration duration) {
		Duration left = duration;
		while (left.compareTo(Duration.ZERO) > 0) {
			Duration step = (left.compareTo(Duration.ofHours(6)) > 0) ? Duration.ofHours(6) : left;
			this.driver.advanceWallClockTime(step);
			left = left.minus(step);
		}
		return this;
	}

	/** The events on churn-alerts since the last read. */
	List<SpecificRecord> alertEvents() {
		return new ArrayList<>(this.alerts.readValuesToList());
	}

	List<ChurnAlertActionOutcome> outcomes() {
		return this.outcomes.readValuesToList();
	}

	Alert alert(String alertId) {
		KeyValueStore<String, Alert> store = this.driver.getKeyValueStore(ChurnTopology.ALERTS_STORE);
		return store.get(alertId);
	}

	/** The alerts not closed, as "customer signal status severity", sorted. */
	List<String> openAlerts() {
		KeyValueStore<String, Alert> store = this.driver.getKeyValueStore(ChurnTopology.ALERTS_STORE);
		List<String> open = new ArrayList<>();
		try (var all = store.all()) {
			all.forEachRemaining((entry) -> {
				if (!entry.value.isClosed()) {
					open.add(entry.value.customerId() + " " + entry.value.signal() + " " + entry.value.status() + " "
							+ entry.value.severity());
				}
			});
		}
		open.sort(null);
		return open;
	}

	CustomerProfile profile(String customerId) {
		KeyValueStore<String, CustomerProfile> store = this.driver.getKeyValueStore(ChurnTopology.PROFILES_STORE);
		return store.get(customerId);
	}

	@Override
	public void close() {
		this.driver.close();
	}

}
