package io.loyaltypulse.survey.engine;

import java.time.Duration;

import io.loyaltypulse.survey.complaints.ComplaintCounts;
import io.loyaltypulse.survey.nps.Slicing;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;

/**
 * The complaint KPIs as a Kafka Streams sub-topology:
 * {@code counts(slice, day filed) = sum(complaint deltas(complaints by customer) by slice)},
 * the same shape as the NPS engine: the {@link ComplaintProcessor} keeps each open
 * complaint by customer, its deltas are repartitioned by slice ({@value #DELTAS}) and
 * summed per slice and UTC day of filing in {@value #SLICE_DAYS_STORE}, kept for the
 * retention.
 */
public final class ComplaintTopology {

	/** The open complaints, by customer and complaintId. */
	public static final String FILED_STORE = "complaints-open";

	/** Complaint counts by slice, in day windows of the day filed. */
	public static final String SLICE_DAYS_STORE = "complaint-slice-days";

	static final String DELTAS = "complaint-slice-deltas";

	private static final Duration DAY = Duration.ofDays(1);

	private ComplaintTopology() {
	}

	/**
	 * Adds the complaint KPIs to the builder, reading the complaints stream the
	 * invitations read too (a topic has one source in a topology).
	 */
	public static void addTo(StreamsBuilder builder, KStream<String, SpecificRecord> complaints, Slicing slicing,
			Duration retention, NpsTopology.StateStores stores) {
		Serde<String> keys = Serdes.String();
		builder.addStateStore(
				Stores.windowStoreBuilder(NpsTopology.windowStore(stores, FILED_STORE, retention, Duration.ofMillis(1)),
						keys, CompactSerdes.filedComplaints()));
		complaints.process(() -> new ComplaintProcessor(slicing), Named.as("complaint-kpis"), FILED_STORE)
			.groupByKey(Grouped.with(DELTAS, keys, CompactSerdes.complaintDeltas()))
			.windowedBy(TimeWindows.ofSizeAndGrace(DAY, retention.minus(DAY)))
			.aggregate(() -> ComplaintCounts.NONE,
					(slice, delta, counts) -> delta.resolved()
							? counts.withResolved(Duration.ofSeconds(delta.resolutionSeconds()))
							: counts.withFiled(delta.category(), delta.severity()),
					Named.as("complaint-count"),
					Materialized
						.<String, ComplaintCounts>as(NpsTopology.windowStore(stores, SLICE_DAYS_STORE, retention, DAY))
						.withKeySerde(keys)
						.withValueSerde(CompactSerdes.complaintCounts())
						.withCachingEnabled());
	}

}
