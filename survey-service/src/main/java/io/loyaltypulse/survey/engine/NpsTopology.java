package io.loyaltypulse.survey.engine;

import java.time.Duration;
import java.time.LocalDate;

import io.loyaltypulse.events.NpsScoreUpdated;
import io.loyaltypulse.survey.nps.AnswerCounts;
import io.loyaltypulse.survey.nps.Slice;
import io.loyaltypulse.survey.nps.Slicing;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * The NPS engine as a Kafka Streams topology:
 * {@code counts(slice, day) = sum(deltas(survey-responses by customer) by slice, per UTC day)}.
 *
 * <p>
 * The {@link ResponseProcessor} keeps the counted version of each response (by customer,
 * where its corrections arrive in order) and emits one delta per slice; the deltas are
 * repartitioned by slice ({@value #DELTAS}), so all days of a slice are counted, stored
 * and queried on one partition, and summed per slice and UTC day in the
 * {@value #SLICE_DAYS_STORE} window store (day windows, kept for the retention; a late
 * answer lands on its own day). Each changed slice-day goes to {@code nps-scores} once
 * per commit (the store's cache), keyed by its slice. Stores, processors and the
 * repartition topic are named, so their topics keep their names when the topology
 * changes; everything runs exactly-once.
 */
public final class NpsTopology {

	/** The counted version of each response, by customer and responseId. */
	public static final String RESPONSES_STORE = "nps-responses";

	/** Answer counts by slice, in day windows. */
	public static final String SLICE_DAYS_STORE = "nps-slice-days";

	/** The repartition topic's name within the application: deltas keyed by slice. */
	static final String DELTAS = "nps-slice-deltas";

	private static final Duration DAY = Duration.ofDays(1);

	/** A response store's entries are kept by time only; a millisecond is its unit. */
	private static final Duration ENTRY = Duration.ofMillis(1);

	private NpsTopology() {
	}

	/** Where the stores keep their state. */
	public enum StateStores {

		/**
		 * RocksDB on local disk, restored from the changelog only beyond it: production.
		 */
		PERSISTENT,

		/**
		 * The heap, restored from the changelog at every start: for tests of the logic,
		 * where a TopologyTestDriver's commit after every record would flush RocksDB each
		 * time.
		 */
		IN_MEMORY

	}

	/**
	 * Adds the NPS engine to the builder.
	 * @param retention how long days and counted responses are kept after the newest
	 * answer; at least two days
	 * @param stores where the stores keep their state
	 */
	public static void addTo(StreamsBuilder builder, NpsTopics topics, Slicing slicing, Duration retention,
			StateStores stores, MeterRegistry metrics) {
		if (retention.compareTo(DAY.multipliedBy(2)) < 0) {
			throw new IllegalArgumentException("loyalty.nps.retention must be at least 2 days, not " + retention);
		}
		Serde<String> keys = Serdes.String();
		Serde<AnswerCounts> counts = CompactSerdes.answerCounts();
		builder.addStateStore(Stores.windowStoreBuilder(windowStore(stores, RESPONSES_STORE, retention, ENTRY), keys,
				CompactSerdes.countedResponses()));
		builder
			.stream(topics.surveyResponses().name(),
					Consumed.with(keys, topics.surveyResponses().valueSerde()).withName("survey-responses-source"))
			.process(() -> new ResponseProcessor(slicing, retention, metrics), Named.as("nps-responses"),
					RESPONSES_STORE)
			.groupByKey(Grouped.with(DELTAS, keys, CompactSerdes.sliceDeltas()))
			.windowedBy(TimeWindows.ofSizeAndGrace(DAY, retention.minus(DAY)))
			.aggregate(() -> AnswerCounts.NONE, (slice, delta, sum) -> sum.plus(delta.score(), delta.sign()),
					Named.as("nps-count"),
					Materialized.<String, AnswerCounts>as(windowStore(stores, SLICE_DAYS_STORE, retention, DAY))
						.withKeySerde(keys)
						.withValueSerde(counts)
						.withCachingEnabled())
			.toStream(Named.as("nps-changed-slice-days"))
			.map((sliceDay, sum) -> KeyValue.pair(sliceDay.key(),
					updated(sliceDay.key(), LocalDate.ofEpochDay(sliceDay.window().start() / DAY.toMillis()), sum)),
					Named.as("nps-score-updated"))
			.to(topics.npsScores().name(),
					Produced.with(keys, topics.npsScores().valueSerde()).withName("nps-scores-sink"));
	}

	static WindowBytesStoreSupplier windowStore(StateStores stores, String name, Duration retention, Duration window) {
		return (stores == StateStores.PERSISTENT) ? Stores.persistentWindowStore(name, retention, window, false)
				: Stores.inMemoryWindowStore(name, retention, window, false);
	}

	/**
	 * How the slice-day store keeps its counts (in a window store of the DSL, after an
	 * 8-byte timestamp).
	 */
	public static Serde<AnswerCounts> countsSerde() {
		return CompactSerdes.answerCounts();
	}

	static NpsScoreUpdated updated(String sliceKey, LocalDate day, AnswerCounts counts) {
		return NpsScoreUpdated.newBuilder()
			.setSlice(sliceKey)
			.setDimensions(Slice.parse(sliceKey).byName())
			.setDay(day)
			.setPromoters(counts.promoters())
			.setPassives(counts.passives())
			.setDetractors(counts.detractors())
			.setSkipped(counts.skipped())
			.setHistogram(counts.histogram())
			.build();
	}

}
