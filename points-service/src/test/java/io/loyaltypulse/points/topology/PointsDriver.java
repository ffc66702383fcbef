package io.loyaltypulse.points.topology;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.ReferralQualified;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.points.PointsTestRules;
import io.loyaltypulse.points.ledger.CustomerAccount;
import io.loyaltypulse.points.ledger.CustomerAccountSerde;
import io.loyaltypulse.points.ledger.NegativeBalancePolicy;
import io.loyaltypulse.points.ledger.PointsEngine;
import io.loyaltypulse.points.ledger.PointsSummary;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.support.streams.DeadLetterHandler;
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
 * The points topology in a {@link TopologyTestDriver}, with an in-memory registry of its
 * own, the wall clock starting at {@link #WALL_CLOCK_START}, and typed input and output
 * topics. Events go in with their occurredAt as the record timestamp, as producers must.
 */
final class PointsDriver implements AutoCloseable {

	static final Instant WALL_CLOCK_START = Instant.parse("2026-01-01T00:00:00Z");

	static final Duration PUNCTUATION_INTERVAL = Duration.ofMinutes(1);

	static final Duration IDLE_ADVANCE = Duration.ofMinutes(1);

	static final Duration ALLOWED_LATENESS = Duration.ofHours(1);

	/** Dedup, order and transactions retention. */
	static final Duration RETENTION = Duration.ofDays(400);

	final PointsEngine engine;

	final TopologyTestDriver driver;

	final PointsTopics topics;

	final TestInputTopic<String, SpecificRecord> purchases;

	final TestInputTopic<String, SurveyResponded> surveys;

	final TestInputTopic<String, SpecificRecord> requests;

	final TestInputTopic<String, byte[]> rawPurchases;

	final TestInputTopic<String, SpecificRecord> engagements;

	final TestOutputTopic<String, ReferralQualified> referralRewards;

	final TestOutputTopic<byte[], byte[]> engagementsDeadLetters;

	final TestOutputTopic<byte[], byte[]> referralRewardsDeadLetters;

	final TestOutputTopic<String, PointsTransaction> ledger;

	final TestOutputTopic<String, PointsRequestOutcome> outcomes;

	final TestOutputTopic<String, SpecificRecord> tierEvents;

	final TestOutputTopic<byte[], byte[]> purchasesDeadLetters;

	private Duration elapsed = Duration.ZERO;

	/**
	 * Tolerated skew of the tests that do not test it: their events are stamped long
	 * after {@link #WALL_CLOCK_START}.
	 */
	static final Duration ANY_CLOCK_SKEW = Duration.ofDays(100L * 365);

	PointsDriver(NegativeBalancePolicy policy, Path stateDir) {
		this(policy, stateDir, ANY_CLOCK_SKEW, Long.MAX_VALUE);
	}

	PointsDriver(NegativeBalancePolicy policy, Path stateDir, Duration maxClockSkew, long maxPointsPerEvent) {
		this.engine = PointsTestRules.engine(policy);
		this.topics = PointsTopics
			.from(new TopicCatalogue(Map.of("schema.registry.url", "mock://points-topology-" + UUID.randomUUID())));
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "points-service-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.putAll(ManagedStreams.guarantees());
		config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		this.driver = new TopologyTestDriver(
				PointsTopology.build(new StreamsBuilder(), this.topics, this.engine, new CustomerAccountSerde(),
						new PointsTopology.Options(PUNCTUATION_INTERVAL, IDLE_ADVANCE, ALLOWED_LATENESS, maxClockSkew,
								maxPointsPerEvent, RETENTION, RETENTION, RETENTION),
						new SimpleMeterRegistry()),
				config, WALL_CLOCK_START);
		StringSerializer keys = new StringSerializer();
		this.purchases = this.driver.createInputTopic(this.topics.purchases().name(), keys,
				this.topics.purchases().valueSerde().serializer());
		this.surveys = this.driver.createInputTopic(this.topics.surveyResponses().name(), keys,
				this.topics.surveyResponses().valueSerde().serializer());
		this.requests = this.driver.createInputTopic(this.topics.requests().name(), keys,
				this.topics.requests().valueSerde().serializer());
		this.rawPurchases = this.driver.createInputTopic(this.topics.purchases().name(), keys,
				new ByteArraySerializer());
		this.engagements = this.driver.createInputTopic(this.topics.engagements().name(), keys,
				this.topics.engagements().valueSerde().serializer());
		StringDeserializer keyReader = new StringDeserializer();
		this.referralRewards = this.driver.createOutputTopic(this.topics.referralRewards().name(), keyReader,
				this.topics.referralRewards().valueSerde().deserializer());
		this.engagementsDeadLetters = this.driver.createOutputTopic(this.topics.engagements().deadLetterTopic(),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		this.referralRewardsDeadLetters = this.driver.createOutputTopic(this.topics.referralRewards().deadLetterTopic(),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		this.ledger = this.driver.createOutputTopic(this.topics.ledger().name(), keyReader,
				this.topics.ledger().valueSerde().deserializer());
		this.outcomes = this.driver.createOutputTopic(this.topics.outcomes().name(), keyReader,
				this.topics.outcomes().valueSerde().deserializer());
		this.tierEvents = this.driver.createOutputTopic(this.topics.tierEvents().name(), keyReader,
				this.topics.tierEvents().valueSerde().deserializer());
		this.purchasesDeadLetters = this.driver.createOutputTopic(this.topics.purchases().deadLetterTopic(),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	/**
	 * Pipes any input event to its topic, keyed by its customer and stamped with its
	 * time.
	 */
	PointsDriver send(SpecificRecord event) {
		String customerId = String.valueOf(event.get(event.getSchema().getField("customerId").pos()));
		Instant at = (Instant) event.get(event.getSchema().getField("occurredAt").pos());
		switch (event.getSchema().getName()) {
			case "PurchaseCompleted", "PurchaseRefunded" -> this.purchases.pipeInput(customerId, event, at);
			case "SurveyResponded" -> this.surveys.pipeInput(customerId, (SurveyResponded) event, at);
			case "ReviewPublished", "ReferralRegistered" -> this.engagements.pipeInput(customerId, event, at);
			default -> this.requests.pipeInput(customerId, event, at);
		}
		return this;
	}

	/** Moves the wall clock to {@code at}, which lets the punctuator run. */
	void wallClockTo(Instant at) {
		Instant now = WALL_CLOCK_START.plusMillis(this.elapsed.toMillis());
		Duration step = Duration.between(now, at);
		this.elapsed = this.elapsed.plus(step);
		this.driver.advanceWallClockTime(step);
	}

	List<PointsTransaction> ledgerEntries() {
		return this.ledger.readValuesToList();
	}

	PointsSummary summary(String customerId, Instant at, int expiringWithinDays) {
		KeyValueStore<String, CustomerAccount> store = this.driver.getKeyValueStore(PointsTopology.ACCOUNTS_STORE);
		CustomerAccount account = store.get(customerId);
		return this.engine.summarize((account != null) ? account : CustomerAccount.open(customerId), at,
				expiringWithinDays);
	}

	/** The reasons in the headers of what went to purchases.DLT since the last read. */
	List<String> purchaseDeadLetterReasons() {
		return reasons(this.purchasesDeadLetters);
	}

	/** The reasons of what went to engagements.DLT since the last read. */
	List<String> engagementDeadLetterReasons() {
		return reasons(this.engagementsDeadLetters);
	}

	/** The reasons of what went to points-referral-rewards.DLT since the last read. */
	List<String> referralRewardDeadLetterReasons() {
		return reasons(this.referralRewardsDeadLetters);
	}

	private static List<String> reasons(TestOutputTopic<byte[], byte[]> deadLetters) {
		return deadLetters.readRecordsToList()
			.stream()
			.map((record) -> new String(record.headers().lastHeader(DeadLetterHandler.REASON_HEADER).value(),
					StandardCharsets.UTF_8))
			.toList();
	}

	List<RecentTransaction> recentTransactions(String customerId, int limit) {
		return RecentTransaction.newestFirst(this.driver.getWindowStore(PointsTopology.TRANSACTIONS_STORE), customerId,
				limit);
	}

	@Override
	public void close() {
		this.driver.close();
	}

}
