package io.loyaltypulse.churn.engine;

import java.time.Duration;

import io.loyaltypulse.churn.alerts.AlertActions;
import io.loyaltypulse.churn.alerts.AlertLifecycle;
import io.loyaltypulse.churn.alerts.AlertSerde;
import io.loyaltypulse.churn.profile.CustomerProfileSerde;
import io.loyaltypulse.churn.profile.ProfileUpdates;
import io.loyaltypulse.churn.scorecard.ScorecardTopology;
import io.loyaltypulse.events.ChurnAlertActionOutcome;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * {@code churn-alerts ++ churn-alert-action-outcomes = check(profile(purchases ++ invoices ++ survey-responses ++ complaints ++ points-ledger), churn-alert-actions, wall clock)}.
 * Every input is keyed by customer and co-partitioned, so one task holds a customer's
 * profile, due time and alerts, and its {@link ChurnProcessor} is their single writer.
 * Per input event it writes one profile record (and, at the customer's check, one
 * due-index entry, the alerts that change and their events). Beside it, on the same
 * inputs, the loyalty scorecard ({@link ScorecardTopology}) keeps its own state.
 */
public final class ChurnTopology {

	/** One compact profile per customer. */
	public static final String PROFILES_STORE = "customer-profiles";

	/** The alerts, by alert id, with their history. */
	public static final String ALERTS_STORE = "alerts";

	/** The due-time index: {@code <due millis>|<customer>}. */
	public static final String DUE_STORE = "churn-due";

	/** Persistent stores in the service; in-memory ones in tests and benchmarks. */
	public enum StateStores {

		PERSISTENT, IN_MEMORY

	}

	/**
	 * How the engine runs.
	 *
	 * @param updates what events change in a profile
	 * @param lifecycle the signals and the alert lifecycle
	 * @param actions managers' actions
	 * @param settleDelay from an event to its customer's check
	 * @param punctuationInterval how often (wall clock) due customers are checked
	 */
	public record Engine(ProfileUpdates updates, AlertLifecycle lifecycle, AlertActions actions, Duration settleDelay,
			Duration punctuationInterval) {
	}

	private ChurnTopology() {
	}

	/**
	 * The churn engine alone, without the loyalty scorecard (tests and benchmarks of the
	 * engine).
	 */
	public static void addTo(StreamsBuilder builder, ChurnTopics topics, Engine engine, StateStores stores,
			MeterRegistry metrics) {
		addTo(builder, topics, engine, null, stores, metrics);
	}

	/**
	 * The churn engine and, beside it on the same inputs, the loyalty scorecard (see
	 * {@link ScorecardTopology}) unless {@code scorecard} is null.
	 */
	public static void addTo(StreamsBuilder builder, ChurnTopics topics, Engine engine,
			ScorecardTopology.Settings scorecard, StateStores stores, MeterRegistry metrics) {
		Serde<String> keys = Serdes.String();
		DistributionSummary profileBytes = DistributionSummary.builder("churn.state.record.bytes")
			.tag("store", PROFILES_STORE)
			.register(metrics);
		DistributionSummary alertBytes = DistributionSummary.builder("churn.state.record.bytes")
			.tag("store", ALERTS_STORE)
			.register(metrics);
		builder.addStateStore(Stores
			.keyValueStoreBuilder(store(stores, PROFILES_STORE), keys, new CustomerProfileSerde(profileBytes::record))
			.withCachingEnabled());
		builder.addStateStore(
				Stores.keyValueStoreBuilder(store(stores, ALERTS_STORE), keys, new AlertSerde(alertBytes::record))
					.withCachingEnabled());
		builder.addStateStore(Stores.keyValueStoreBuilder(store(stores, DUE_STORE), keys, Serdes.String()));

		KStream<String, SpecificRecord> events = builder
			.stream(topics.purchases().name(),
					Consumed.with(keys, topics.purchases().valueSerde()).withName("churn-purchases-source"))
			.merge(builder.stream(topics.invoices().name(),
					Consumed.with(keys, topics.invoices().valueSerde()).withName("churn-invoices-source")),
					Named.as("churn-merge-invoices"))
			.merge(builder
				.stream(topics.surveyResponses().name(),
						Consumed.with(keys, topics.surveyResponses().valueSerde())
							.withName("churn-survey-responses-source"))
				.mapValues((answer) -> (SpecificRecord) answer, Named.as("churn-survey-responses-as-events")),
					Named.as("churn-merge-survey-responses"))
			.merge(builder.stream(topics.complaints().name(),
					Consumed.with(keys, topics.complaints().valueSerde()).withName("churn-complaints-source")),
					Named.as("churn-merge-complaints"))
			.merge(builder
				.stream(topics.pointsLedger().name(),
						Consumed.with(keys, topics.pointsLedger().valueSerde()).withName("churn-points-ledger-source"))
				.mapValues((entry) -> (SpecificRecord) entry, Named.as("churn-points-ledger-as-events")),
					Named.as("churn-merge-points-ledger"))
			.merge(builder
				.stream(topics.actions().name(),
						Consumed.with(keys, topics.actions().valueSerde()).withName("churn-alert-actions-source"))
				.mapValues((action) -> (SpecificRecord) action, Named.as("churn-alert-actions-as-events")),
					Named.as("churn-merge-alert-actions"));

		events
			.process(
					() -> new ChurnProcessor(engine.updates(), engine.lifecycle(), engine.actions(),
							engine.settleDelay(), engine.punctuationInterval(), metrics),
					Named.as("churn-engine"), PROFILES_STORE, ALERTS_STORE, DUE_STORE)
			.split(Named.as("churn-output-"))
			.branch((customerId, record) -> record instanceof ChurnAlertActionOutcome,
					Branched.withConsumer((outcomes) -> outcomes
						.mapValues((record) -> (ChurnAlertActionOutcome) record, Named.as("churn-outcomes-typed"))
						.to(topics.outcomes().name(),
								Produced.with(keys, topics.outcomes().valueSerde())
									.withName("churn-alert-action-outcomes-sink")),
							"outcomes"))
			.defaultBranch(Branched.withConsumer(
					(alerts) -> alerts.to(topics.alerts().name(),
							Produced.with(keys, topics.alerts().valueSerde()).withName("churn-alerts-sink")),
					"alerts"));
		if (scorecard != null) {
			ScorecardTopology.addTo(builder, events, scorecard, (name) -> store(stores, name), metrics);
		}
	}

	private static KeyValueBytesStoreSupplier store(StateStores stores, String name) {
		return (stores == StateStores.PERSISTENT) ? Stores.persistentKeyValueStore(name)
				: Stores.inMemoryKeyValueStore(name);
	}

}
