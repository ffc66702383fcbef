package io.loyaltypulse.churn.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.loyaltypulse.churn.alerts.AlertSerde;
import io.loyaltypulse.churn.profile.CustomerProfileSerde;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The churn engine's processor on its three stores, RocksDB, without Kafka: no
 * changelogs, no record cache, no commits, a wall clock the caller sets. For the
 * benchmarks (ChurnBenchmark's punctuation): it measures what one punctuation costs the
 * processor and its stores, apart from the Kafka Streams machinery around it.
 */
public final class BenchProcessor implements AutoCloseable {

	private final MockProcessorContext<String, SpecificRecord> context;

	private final ChurnProcessor processor;

	private final List<KeyValueStore<String, ?>> stores;

	public BenchProcessor(ChurnTopology.Engine engine, Path stateDir, MeterRegistry metrics, long wallClock) {
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "churn-bench-processor");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		this.context = new MockProcessorContext<>(config, new TaskId(0, 0), stateDir.toFile());
		this.context.setCurrentSystemTimeMs(wallClock);
		DistributionSummary profileBytes = DistributionSummary.builder("churn.state.record.bytes")
			.tag("store", ChurnTopology.PROFILES_STORE)
			.register(metrics);
		DistributionSummary alertBytes = DistributionSummary.builder("churn.state.record.bytes")
			.tag("store", ChurnTopology.ALERTS_STORE)
			.register(metrics);
		this.stores = List.of(store(ChurnTopology.PROFILES_STORE, new CustomerProfileSerde(profileBytes::record)),
				store(ChurnTopology.ALERTS_STORE, new AlertSerde(alertBytes::record)),
				store(ChurnTopology.DUE_STORE, Serdes.String()));
		this.processor = new ChurnProcessor(engine.updates(), engine.lifecycle(), engine.actions(),
				engine.settleDelay(), engine.punctuationInterval(), metrics);
		this.processor.init(this.context);
	}

	private <V> KeyValueStore<String, V> store(String name, Serde<V> values) {
		KeyValueStore<String, V> store = Stores
			.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), values)
			.withLoggingDisabled()
			.withCachingDisabled()
			.build();
		store.init(this.context.getStateStoreContext(), store);
		this.context.addStateStore(store);
		return store;
	}

	/** Sets the wall clock. */
	public void wallClock(long millis) {
		this.context.setCurrentSystemTimeMs(millis);
	}

	/** Processes one event (what it forwards is dropped). */
	public void process(String customerId, SpecificRecord event, long timestamp) {
		this.processor.process(new Record<>(customerId, event, timestamp));
		this.context.resetForwards();
	}

	/** Runs the wall-clock punctuator once at the current wall clock. */
	public void punctuate() {
		this.context.scheduledPunctuators().get(0).getPunctuator().punctuate(this.context.currentSystemTimeMs());
		this.context.resetForwards();
	}

	/**
	 * Reads the due index from {@code from} to {@code to} as the punctuation does.
	 * @return the nanoseconds it took and the entries read
	 */
	public long[] scanDue(String from, String to) {
		KeyValueStore<String, String> due = this.context.getStateStore(ChurnTopology.DUE_STORE);
		long started = System.nanoTime();
		long entries = 0;
		try (KeyValueIterator<String, String> range = due.range(from, to)) {
			while (range.hasNext()) {
				range.next();
				entries++;
			}
		}
		return new long[] { System.nanoTime() - started, entries };
	}

	/** Flushes the stores (RocksDB memtables to files). */
	public void flush() {
		this.stores.forEach(KeyValueStore::flush);
	}

	@Override
	public void close() {
		this.stores.forEach(KeyValueStore::close);
	}

}
