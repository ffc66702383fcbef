package io.loyaltypulse.schemas.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics a service declares and checks the ones that exist. Existing topics
 * are never changed, but one whose partition count differs from the declaration fails
 * start-up: co-partitioned topics with different counts would send one customer's events
 * to different Streams tasks, silently.
 * <p>
 * Record timestamps are event times, so a backfilled event is old when it is written; a
 * topic that keeps records for less than the oldest accepted event time deletes it before
 * anyone reads it. {@link #withRetention(Duration)} creates topics with a retention that
 * keeps them; {@link RetentionCheck} checks the topics that exist.
 */
public final class TopicProvisioner {

	/**
	 * The retention that event topics are created with: the oldest event time the ingest
	 * accepts ({@code loyalty.ingest.max-past-age}, 3650 days by default) plus a year in
	 * which a lagging or newly deployed consumer still finds the oldest backfill. The
	 * same for every topic, the points ledger included: a ledger entry carries the event
	 * time of what caused it, so a backfill's entry is as old as the backfill and needs
	 * the same guarantee, no more; compaction is no option for any of them, because the
	 * key is the customer id and compaction would keep one record per customer. A
	 * deployment that keeps a topic forever declares {@code retention.ms=-1} on its
	 * {@link NewTopic}, which wins.
	 */
	public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofDays(3650 + 365);

	private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

	private final Admin admin;

	private final Duration timeout;

	/**
	 * Configs that every created topic gets unless its {@link NewTopic} sets them itself.
	 */
	private final Map<String, String> defaultConfigs;

	/**
	 * A provisioner that creates topics with the broker's defaults for everything but
	 * their partitions and replication factor; see {@link #withRetention(Duration)}.
	 */
	public TopicProvisioner(Admin admin, Duration timeout) {
		this(admin, timeout, Map.of());
	}

	private TopicProvisioner(Admin admin, Duration timeout, Map<String, String> defaultConfigs) {
		this.admin = admin;
		this.timeout = timeout;
		this.defaultConfigs = Map.copyOf(defaultConfigs);
	}

	/**
	 * A provisioner that creates every topic with this {@code retention.ms} (unless the
	 * declared {@link NewTopic} sets one): longer than the oldest event time that any
	 * producer may write, such as {@link #DEFAULT_EVENT_RETENTION}. Topics that exist are
	 * left as they are; check them with {@link RetentionCheck}.
	 * @param retention how long records are kept, measured from their timestamp
	 * @return a new provisioner; this one is unchanged
	 */
	public TopicProvisioner withRetention(Duration retention) {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("Retention must be positive, got " + retention);
		}
		Map<String, String> configs = new HashMap<>(this.defaultConfigs);
		configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
		return new TopicProvisioner(this.admin, this.timeout, configs);
	}

	/**
	 * Attempts before a retriable failure (a topic not yet in the metadata) fails
	 * start-up.
	 */
	private static final int ATTEMPTS = 5;

	/**
	 * Creates the missing topics; fails if an existing one has another partition count.
	 * Instances starting together race to create the same topics, and a topic another
	 * instance just created can be missing from the metadata for a moment: a retriable
	 * failure is retried, with a growing pause.
	 */
	public void ensure(Collection<NewTopic> declared) {
		for (int attempt = 1;; attempt++) {
			try {
				ensureOnce(declared);
				return;
			}
			catch (KafkaException ex) {
				if (attempt == ATTEMPTS || !(ex.getCause() instanceof RetriableException)) {
					throw ex;
				}
				log.info("Topic provisioning attempt {} failed ({}); retrying", attempt, ex.getMessage());
				pause(Duration.ofSeconds(attempt));
			}
		}
	}

	private void ensureOnce(Collection<NewTopic> declared) {
		Map<String, NewTopic> byName = declared.stream()
			.collect(Collectors.toMap(NewTopic::name, Function.identity(), (first, second) -> first));
		Collection<String> existing = await(this.admin.listTopics().names());
		List<NewTopic> missing = byName.values()
			.stream()
			.filter((topic) -> !existing.contains(topic.name()))
			.map(this::withDefaultConfigs)
			.toList();
		create(missing);
		checkPartitions(byName.values().stream().filter((topic) -> existing.contains(topic.name())).toList());
	}

	/**
	 * A copy of the topic with this provisioner's default configs under its own; the
	 * caller's object stays as it was.
	 */
	private NewTopic withDefaultConfigs(NewTopic topic) {
		if (this.defaultConfigs.isEmpty()) {
			return topic;
		}
		NewTopic copy = (topic.replicasAssignments() != null) ? new NewTopic(topic.name(), topic.replicasAssignments())
				: new NewTopic(topic.name(), optional(topic.numPartitions()), optional(topic.replicationFactor()));
		Map<String, String> configs = new HashMap<>(this.defaultConfigs);
		if (topic.configs() != null) {
			configs.putAll(topic.configs());
		}
		return copy.configs(configs);
	}

	/** NewTopic reports "broker default" as -1. */
	private static <T extends Number> Optional<T> optional(T value) {
		return (value.intValue() < 0) ? Optional.empty() : Optional.of(value);
	}

	private void create(List<NewTopic> missing) {
		if (missing.isEmpty()) {
			return;
		}
		try {
			await(this.admin.createTopics(missing).all());
			log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
		}
		catch (KafkaException ex) {
			// Another instance may have created them between our listing and our request:
			// then they exist.
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw ex;
			}
			checkPartitions(missing);
		}
	}

	private void checkPartitions(List<NewTopic> topics) {
		if (topics.isEmpty()) {
			return;
		}
		Map<String, TopicDescription> descriptions = await(
				this.admin.describeTopics(topics.stream().map(NewTopic::name).toList()).allTopicNames());
		List<String> mismatches = new ArrayList<>();
		for (NewTopic topic : topics) {
			int actual = descriptions.get(topic.name()).partitions().size();
			if (topic.numPartitions() > 0 && actual != topic.numPartitions()) {
				mismatches
					.add("%s has %d partitions, expected %d".formatted(topic.name(), actual, topic.numPartitions()));
			}
		}
		if (!mismatches.isEmpty()) {
			throw new IllegalStateException("Topics do not match the configured partition count "
					+ "(loyalty.topics.partitions; co-partitioned topics must be equal): " + mismatches);
		}
	}

	/** Waits between attempts of topic administration. */
	static void pause(Duration pause) {
		try {
			Thread.sleep(pause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted during topic administration", ex);
		}
	}

	private <T> T await(KafkaFuture<T> future) {
		try {
			return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new KafkaException("Topic administration failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new KafkaException("Topic administration timed out after " + this.timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted during topic administration", ex);
		}
	}

}
