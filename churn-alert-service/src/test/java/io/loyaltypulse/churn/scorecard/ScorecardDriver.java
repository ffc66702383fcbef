package io.loyaltypulse.churn.scorecard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import io.loyaltypulse.churn.engine.ChurnTopics;
import io.loyaltypulse.churn.engine.ChurnTopology;
import io.loyaltypulse.churn.engine.TestEngine;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.support.streams.ManagedStreams;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The whole churn topology with the scorecard in a {@link TopologyTestDriver}:
 * exactly-once and the dead-letter handler as in production, in-memory stores, its own
 * in-memory registry. Events go in keyed by their customer and stamped with their
 * occurredAt.
 */
final class ScorecardDriver implements AutoCloseable {

	static final Instant WALL_CLOCK = Instant.parse("2026-11-30T09:00:00Z");

	final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

	final ChurnTopics topics;

	private final TopologyTestDriver driver;

	private final TestInputTopic<String, SpecificRecord> purchases;

	private final TestInputTopic<String, PointsTransaction> ledger;

	final TestOutputTopic<byte[], byte[]> purchaseDeadLetters;

	ScorecardDriver(int quarters) {
		this.topics = ChurnTopics
			.from(new TopicCatalogue(Map.of("schema.registry.url", "mock://scorecard-" + UUID.randomUUID())));
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "churn-alert-service-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.putAll(ManagedStreams.guarantees());
		StreamsBuilder builder = new StreamsBuilder();
		ChurnTopology.addTo(builder, this.topics, TestEngine.engine(Duration.ofMinutes(1), Duration.ofSeconds(30)),
				new ScorecardTopology.Settings("EUR", quarters), ChurnTopology.StateStores.IN_MEMORY, this.metrics);
		this.driver = new TopologyTestDriver(builder.build(), config, WALL_CLOCK);
		this.purchases = this.driver.createInputTopic(this.topics.purchases().name(), new StringSerializer(),
				this.topics.purchases().valueSerde().serializer());
		this.ledger = this.driver.createInputTopic(this.topics.pointsLedger().name(), new StringSerializer(),
				this.topics.pointsLedger().valueSerde().serializer());
		this.purchaseDeadLetters = this.driver.createOutputTopic(this.topics.purchases().deadLetterTopic(),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	ScorecardDriver send(List<? extends SpecificRecord> events) {
		events.forEach((event) -> sendAs(customerOf(event), event));
		return this;
	}

	/** Sends an event under the given key, whoever its customer is. */
	ScorecardDriver sendAs(String key, SpecificRecord event) {
		Instant at = (Instant) event.get(event.getSchema().getField("occurredAt").pos());
		if (event instanceof PointsTransaction entry) {
			this.ledger.pipeInput(key, entry, at);
		}
		else {
			this.purchases.pipeInput(key, event, at);
		}
		return this;
	}

	/** Every figure in the store, by key. */
	Map<String, Figures> figures() {
		KeyValueStore<String, Figures> store = this.driver.getKeyValueStore(ScorecardTopology.FIGURES_STORE);
		Map<String, Figures> figures = new TreeMap<>();
		try (var all = store.all()) {
			all.forEachRemaining((entry) -> figures.put(entry.key, entry.value));
		}
		return figures;
	}

	double count(String counter) {
		return this.metrics.counter(counter).count();
	}

	static String customerOf(SpecificRecord event) {
		return (String) event.get(event.getSchema().getField("customerId").pos());
	}

	@Override
	public void close() {
		this.driver.close();
	}

}
