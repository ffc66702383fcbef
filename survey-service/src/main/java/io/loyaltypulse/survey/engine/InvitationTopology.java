package io.loyaltypulse.survey.engine;

import java.time.Duration;

import io.loyaltypulse.support.streams.DueIndex;
import io.loyaltypulse.survey.invitations.InvitationPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * The post-purchase invitations as a Kafka Streams sub-topology:
 * {@code survey-invitations = due(purchases ++ complaints by customerId, wall clock)}.
 * Purchases and complaints are keyed by customer and co-partitioned, so one task holds a
 * customer's purchases, complaints and invitations; the {@link InvitationProcessor} is
 * their single writer.
 */
public final class InvitationTopology {

	/** One small record per customer with something pending, open or recent. */
	public static final String CUSTOMERS_STORE = "invitation-customers";

	/**
	 * The due-time index ({@link DueIndex}); keys of the release before it are rewritten
	 * when a task starts ({@link LegacyDueKeys}).
	 */
	public static final String DUE_STORE = "invitation-due";

	private InvitationTopology() {
	}

	/**
	 * Adds the invitations to the builder.
	 * @param punctuationInterval how often (wall clock) what fell due is sent
	 * @return the complaints stream, for the complaint KPIs to read too
	 */
	public static KStream<String, SpecificRecord> addTo(StreamsBuilder builder, InvitationTopics topics,
			InvitationPolicy policy, Duration punctuationInterval, NpsTopology.StateStores stores,
			MeterRegistry metrics) {
		Serde<String> keys = Serdes.String();
		builder.addStateStore(Stores
			.keyValueStoreBuilder(keyValueStore(stores, CUSTOMERS_STORE), keys, CompactSerdes.customerInvitations())
			.withCachingEnabled());
		builder.addStateStore(Stores.keyValueStoreBuilder(keyValueStore(stores, DUE_STORE), keys, Serdes.String()));
		KStream<String, SpecificRecord> purchases = builder.stream(topics.purchases().name(),
				Consumed.with(keys, topics.purchases().valueSerde()).withName("invitation-purchases-source"));
		KStream<String, SpecificRecord> complaints = builder.stream(topics.complaints().name(),
				Consumed.with(keys, topics.complaints().valueSerde()).withName("invitation-complaints-source"));
		purchases.merge(complaints, Named.as("invitation-merge-complaints"))
			.process(() -> new InvitationProcessor(policy, punctuationInterval, metrics), Named.as("invitations"),
					CUSTOMERS_STORE, DUE_STORE)
			.to(topics.invitations().name(),
					Produced.with(keys, topics.invitations().valueSerde()).withName("survey-invitations-sink"));
		return complaints;
	}

	private static KeyValueBytesStoreSupplier keyValueStore(NpsTopology.StateStores stores, String name) {
		return (stores == NpsTopology.StateStores.PERSISTENT) ? Stores.persistentKeyValueStore(name)
				: Stores.inMemoryKeyValueStore(name);
	}

}
