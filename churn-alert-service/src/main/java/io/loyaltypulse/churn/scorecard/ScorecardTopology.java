package io.loyaltypulse.churn.scorecard;

import java.util.function.Function;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code scorecard-figures(quarter|slice) = sum over customers of contribution(customer,
 * quarter, slice)}, kept exact by deltas: a per-customer processor beside the churn
 * engine on the same merged input stream (keyed by customer) sends each change of a
 * customer's contribution, re-keyed {@code <quarter>|<slice>}, through the repartition
 * topic {@code <application.id>-scorecard-deltas-repartition} to the aggregate that sums
 * them. Per input event it writes at most one {@code scorecard-customers} record and, per
 * changed figure, one delta and one {@code scorecard-figures} record; a repeated event
 * writes nothing.
 */
public final class ScorecardTopology {

	/** One scorecard state per customer. */
	public static final String CUSTOMERS_STORE = "scorecard-customers";

	/** The figures, by {@code <quarter>|<slice>}. */
	public static final String FIGURES_STORE = "scorecard-figures";

	/** The repartition topic's name (before Kafka Streams' prefix and suffix). */
	static final String DELTAS = "scorecard-deltas";

	/**
	 * What the scorecard computes with.
	 *
	 * @param valueCurrency the currency of values ({@code loyalty.churn.value-currency})
	 * @param quarters the quarters kept per customer
	 * ({@code loyalty.churn.scorecard.quarters}; {@link ScorecardRules} refuses fewer
	 * than one)
	 */
	public record Settings(String valueCurrency, int quarters) {
	}

	private ScorecardTopology() {
	}

	/**
	 * Adds the scorecard to a topology whose {@code events} are the inputs, keyed by
	 * customer.
	 * @param stores the store supplier (persistent or in memory) for a store's name
	 */
	public static void addTo(StreamsBuilder builder, KStream<String, SpecificRecord> events, Settings settings,
			Function<String, KeyValueBytesStoreSupplier> stores, MeterRegistry metrics) {
		Serde<String> keys = Serdes.String();
		FiguresSerde figures = new FiguresSerde(DistributionSummary.builder("churn.state.record.bytes")
			.tag("store", FIGURES_STORE)
			.register(metrics)::record);
		CustomerScorecardSerde customers = new CustomerScorecardSerde(
				DistributionSummary.builder("churn.state.record.bytes")
					.tag("store", CUSTOMERS_STORE)
					.register(metrics)::record);
		builder.addStateStore(
				Stores.keyValueStoreBuilder(stores.apply(CUSTOMERS_STORE), keys, customers).withCachingEnabled());
		builder.addStateStore(
				Stores.keyValueStoreBuilder(stores.apply(FIGURES_STORE), keys, figures).withCachingEnabled());
		ScorecardRules rules = new ScorecardRules(settings.valueCurrency(), settings.quarters());
		events.process(() -> new ScorecardProcessor(rules, metrics), Named.as("scorecard-engine"), CUSTOMERS_STORE)
			.repartition(Repartitioned.with(keys, new FiguresSerde((size) -> {
			})).withName(DELTAS))
			.process(() -> new FiguresAggregator(metrics), Named.as("scorecard-aggregate"), FIGURES_STORE);
	}

}
