package io.loyaltypulse.points.topology;

import java.time.Duration;

import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.ReferralQualified;
import io.loyaltypulse.points.ledger.CustomerAccount;
import io.loyaltypulse.points.ledger.OrderRecordSerde;
import io.loyaltypulse.points.ledger.PointsEngine;
import io.loyaltypulse.points.ledger.RequestRecordSerde;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The points engine as a Kafka Streams topology:
 * {@code (account, ledger entries) = fold(purchases ++ survey-responses ++ points-requests ++ engagements ++ points-referral-rewards by customerId)}.
 *
 * <p>
 * The inputs are keyed by customer id and co-partitioned, so one task owns all of a
 * customer's events and the processor is the single writer of their account: no lock, no
 * overdraw, whatever the number of instances. Outputs are the {@code points-ledger}, the
 * {@code points-request-outcomes} the HTTP layer waits for, and
 * {@code points-tier-events}. A qualified referral is the one change about another
 * customer: it is re-keyed by the referrer and written to
 * {@code points-referral-rewards}, which this topology reads back, so that the task
 * owning the referrer's account credits them; both writes are part of the task's
 * exactly-once transaction, and the referrer's side recognises a repeated one by its id.
 * Processors, stores and sinks are named, so changelog topics keep their names when the
 * topology changes.
 */
public final class PointsTopology {

	/** One small record per customer: counters, lots, tier. */
	public static final String ACCOUNTS_STORE = "points-accounts";

	/** When each account next has something due, for the punctuator. */
	public static final String SCHEDULE_STORE = "points-schedule";

	/**
	 * Processed event ids and surveys a bonus was paid for, by customer, for the dedup
	 * retention.
	 */
	public static final String PROCESSED_STORE = "points-processed";

	/** Orders by customer and order id, for the order retention: exact refunds. */
	public static final String ORDERS_STORE = "points-orders";

	/**
	 * Decided redemptions and adjustments, for the dedup retention: a retry is answered
	 * the same way.
	 */
	public static final String REQUESTS_STORE = "points-decided-requests";

	/**
	 * Ledger entries by customer, for the transactions retention: the transactions query.
	 */
	public static final String TRANSACTIONS_STORE = "points-transactions";

	/**
	 * The window stores keep entries by time only; a window of one millisecond is the
	 * store's unit.
	 */
	private static final Duration ENTRY = Duration.ofMillis(1);

	private PointsTopology() {
	}

	/**
	 * Adds the points engine to the builder and returns the topology.
	 * @param builder a fresh builder
	 * @param topics the topics, with their serdes
	 * @param engine the rules
	 * @param accountSerde how accounts are stored
	 * @param options punctuation and query settings
	 * @param metrics where the engine's metrics go
	 */
	public static Topology build(StreamsBuilder builder, PointsTopics topics, PointsEngine engine,
			Serde<CustomerAccount> accountSerde, Options options, MeterRegistry metrics) {
		Serde<String> keys = Serdes.String();
		// Caching: a customer updated several times within a commit interval is written
		// to RocksDB and its changelog once per commit, not once per event.
		builder.addStateStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ACCOUNTS_STORE), keys, accountSerde)
					.withCachingEnabled());
		builder.addStateStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SCHEDULE_STORE), keys, Serdes.String())
					.withCachingEnabled());
		// The history stores are written once per key (an order again on a refund): a
		// cache would only copy. Their retention is what bounds the state: a segment is
		// dropped, and its changelog records deleted, once it is older than the
		// retention.
		builder.addStateStore(Stores.windowStoreBuilder(
				Stores.persistentWindowStore(PROCESSED_STORE, options.dedupRetention(), ENTRY, false), keys,
				Serdes.Long()));
		builder.addStateStore(Stores.windowStoreBuilder(
				Stores.persistentWindowStore(ORDERS_STORE, options.orderRetention(), ENTRY, false), keys,
				new OrderRecordSerde()));
		builder.addStateStore(Stores.windowStoreBuilder(
				Stores.persistentWindowStore(REQUESTS_STORE, options.dedupRetention(), ENTRY, false), keys,
				new RequestRecordSerde()));
		builder.addStateStore(Stores.windowStoreBuilder(
				Stores.persistentWindowStore(TRANSACTIONS_STORE, options.transactionsRetention(), ENTRY, false), keys,
				new RecentTransactionSerde()));

		KStream<String, SpecificRecord> purchases = builder.stream(topics.purchases().name(),
				Consumed.with(keys, topics.purchases().valueSerde()).withName("purchases-source"));
		KStream<String, SpecificRecord> surveys = builder
			.stream(topics.surveyResponses().name(),
					Consumed.with(keys, topics.surveyResponses().valueSerde()).withName("survey-responses-source"))
			.mapValues((response) -> (SpecificRecord) response, Named.as("survey-responses-as-events"));
		KStream<String, SpecificRecord> requests = builder.stream(topics.requests().name(),
				Consumed.with(keys, topics.requests().valueSerde()).withName("points-requests-source"));

		KStream<String, SpecificRecord> engagements = builder.stream(topics.engagements().name(),
				Consumed.with(keys, topics.engagements().valueSerde()).withName("engagements-source"));
		KStream<String, SpecificRecord> referralRewards = builder
			.stream(topics.referralRewards().name(),
					Consumed.with(keys, topics.referralRewards().valueSerde()).withName("referral-rewards-source"))
			.mapValues((reward) -> (SpecificRecord) reward, Named.as("referral-rewards-as-events"));

		KStream<String, SpecificRecord> changes = purchases.merge(surveys, Named.as("merge-survey-responses"))
			.merge(requests, Named.as("merge-points-requests"))
			.merge(engagements, Named.as("merge-engagements"))
			.merge(referralRewards, Named.as("merge-referral-rewards"))
			.process(() -> new PointsProcessor(engine, options, metrics), Named.as("points-engine"), ACCOUNTS_STORE,
					SCHEDULE_STORE, PROCESSED_STORE, ORDERS_STORE, REQUESTS_STORE, TRANSACTIONS_STORE);

		changes.split(Named.as("points-"))
			.branch((customerId, change) -> change instanceof PointsTransaction, Branched.withConsumer(
					(ledger) -> ledger.mapValues((change) -> (PointsTransaction) change, Named.as("as-ledger-entry"))
						.to(topics.ledger().name(),
								Produced.with(keys, topics.ledger().valueSerde()).withName("points-ledger-sink")),
					"ledger"))
			.branch((customerId, change) -> change instanceof PointsRequestOutcome,
					Branched.withConsumer((outcomes) -> outcomes
						.mapValues((change) -> (PointsRequestOutcome) change, Named.as("as-request-outcome"))
						.to(topics.outcomes().name(),
								Produced.with(keys, topics.outcomes().valueSerde())
									.withName("points-request-outcomes-sink")),
							"outcomes"))
			.branch((customerId, change) -> change instanceof ReferralQualified,
					Branched.withConsumer((rewards) -> rewards
						.map((referredCustomerId, change) -> KeyValue.pair(((ReferralQualified) change).getCustomerId(),
								(ReferralQualified) change), Named.as("referral-reward-by-referrer"))
						.to(topics.referralRewards().name(),
								Produced.with(keys, topics.referralRewards().valueSerde())
									.withName("points-referral-rewards-sink")),
							"referral-rewards"))
			.defaultBranch(Branched.withConsumer(
					(tierEvents) -> tierEvents.to(topics.tierEvents().name(),
							Produced.with(keys, topics.tierEvents().valueSerde()).withName("points-tier-events-sink")),
					"tier-events"));
		return builder.build();
	}

	/**
	 * @param punctuationInterval how often (wall clock) due expiries and tier periods are
	 * applied
	 * @param idleAdvance after this long without a record, a task advances to the wall
	 * clock instead of its stream time
	 * @param allowedLateness the punctuator applies what fell due only this long after
	 * it, so that an event up to this late is applied before, as a replay would
	 * @param maxClockSkew an event whose occurredAt is further than this ahead of the
	 * wall clock goes to the dead-letter topic instead of being applied
	 * @param maxPointsPerEvent a purchase that would earn more than this goes to the
	 * dead-letter topic (absurd prices or quantities) instead of being applied
	 * @param dedupRetention processed event ids and decided requests are remembered this
	 * long after their time; an older event goes to the dead-letter topic, since it could
	 * no longer be recognised as a duplicate
	 * @param orderRetention orders are kept this long after the purchase, for refunds
	 * @param transactionsRetention ledger entries are kept this long for the transactions
	 * query
	 */
	public record Options(Duration punctuationInterval, Duration idleAdvance, Duration allowedLateness,
			Duration maxClockSkew, long maxPointsPerEvent, Duration dedupRetention, Duration orderRetention,
			Duration transactionsRetention) {
	}

}
