package io.loyaltypulse.schemas.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Checks that topics keep the events a service accepts: {@code retention.ms >= oldest
 * accepted event age + }{@link #READ_MARGIN}.
 * <p>
 * Record timestamps are event times, and Kafka deletes a segment once its newest
 * timestamp is older than the topic's {@code retention.ms}. A backfilled event that is
 * older than the retention is therefore deleted within minutes of being written (answered
 * 202, never read), and one just inside it is deleted before a consumer that lags a
 * little reads it. Services call this at start-up, so such a configuration fails loudly
 * instead of losing events quietly:
 *
 * <pre>
 * RetentionCheck.verify(admin, List.of("purchases", "invoices"), maxPastAge, Duration.ofSeconds(30));
 * </pre>
 */
public final class RetentionCheck {

	/**
	 * How long the oldest accepted event must stay readable after it was written: a week,
	 * what Kafka's default retention gives an event written now, so that a consumer that
	 * was down for a few days still reads it.
	 */
	public static final Duration READ_MARGIN = Duration.ofDays(7);

	/**
	 * Kafka's default {@code log.retention.hours}, used when the broker reports none of
	 * its retention settings.
	 */
	private static final long KAFKA_DEFAULT_RETENTION_MS = Duration.ofHours(168).toMillis();

	/**
	 * Reads of a topic that seems missing before it counts as missing (about 1 s in all).
	 */
	private static final int MISSING_TOPIC_ATTEMPTS = 5;

	private RetentionCheck() {
	}

	/**
	 * Fails unless every topic keeps a record at least {@code oldestAcceptedEventAge}
	 * plus {@link #READ_MARGIN} after its timestamp: its {@code retention.ms} (the
	 * topic's own, else the broker's default) is that long or unlimited ({@code -1}), or
	 * its cleanup policy does not delete by time.
	 * @param admin a client of the cluster
	 * @param topics the topics to check, by name
	 * @param oldestAcceptedEventAge how old an event's time may be when it is written,
	 * such as purchase-service's {@code loyalty.ingest.max-past-age}
	 * @param timeout how long to wait for each answer of the cluster
	 * @throws IllegalStateException naming each topic that keeps records too briefly, or
	 * does not exist
	 * @throws KafkaException when the cluster cannot be asked
	 */
	public static void verify(Admin admin, Collection<String> topics, Duration oldestAcceptedEventAge,
			Duration timeout) {
		if (oldestAcceptedEventAge.isNegative()) {
			throw new IllegalArgumentException("The oldest accepted event age cannot be negative");
		}
		Duration required = oldestAcceptedEventAge.plus(READ_MARGIN);
		List<String> problems = new ArrayList<>();
		retentions(admin, topics, timeout).forEach((topic, retention) -> {
			if (retention == null) {
				problems.add(topic + " does not exist");
			}
			else if (retention >= 0 && retention < required.toMillis()) {
				problems
					.add("%s keeps records for %s (retention.ms=%d)".formatted(topic, describe(retention), retention));
			}
		});
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Topics would delete accepted events before they are read: "
					+ String.join("; ", problems) + ". Events may be up to "
					+ describe(oldestAcceptedEventAge.toMillis())
					+ " old when written, and must then stay readable for " + describe(READ_MARGIN.toMillis())
					+ ": set retention.ms to at least " + required.toMillis() + " (" + describe(required.toMillis())
					+ ", or -1) on these topics (kafka-configs --alter --add-config retention.ms=...), "
					+ "or accept younger events only.");
		}
	}

	/**
	 * How long each topic keeps a record after its timestamp, in milliseconds: -1 for
	 * unlimited (also for a topic whose cleanup policy does not delete), {@code null} for
	 * a topic that does not exist. In the order of {@code topics}.
	 */
	static Map<String, Long> retentions(Admin admin, Collection<String> topics, Duration timeout) {
		Map<String, Long> retentions = read(admin, topics, timeout);
		// A topic created a moment ago (by the provisioner, just before this check) can
		// be
		// missing from the metadata a broker answers from: ask again before calling it
		// missing.
		for (int attempt = 1; attempt < MISSING_TOPIC_ATTEMPTS && retentions.containsValue(null); attempt++) {
			TopicProvisioner.pause(Duration.ofMillis(100L * attempt));
			List<String> missing = retentions.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() == null)
				.map(Map.Entry::getKey)
				.toList();
			retentions.putAll(read(admin, missing, timeout));
		}
		return retentions;
	}

	private static Map<String, Long> read(Admin admin, Collection<String> topics, Duration timeout) {
		Map<String, Long> retentions = new LinkedHashMap<>();
		Map<ConfigResource, KafkaFuture<Config>> described = admin
			.describeConfigs(new LinkedHashSet<>(topics).stream()
				.map((topic) -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
				.toList())
			.values();
		Long brokerDefault = null;
		for (Map.Entry<ConfigResource, KafkaFuture<Config>> topic : described.entrySet()) {
			Config config = await(topic.getValue(), timeout, true);
			String name = topic.getKey().name();
			if (config == null) {
				retentions.put(name, null);
				continue;
			}
			ConfigEntry policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
			ConfigEntry retention = config.get(TopicConfig.RETENTION_MS_CONFIG);
			if (policy != null && policy.value() != null
					&& !policy.value().contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
				retentions.put(name, -1L);
			}
			else if (retention != null && retention.value() != null) {
				retentions.put(name, Long.parseLong(retention.value().strip()));
			}
			else {
				// A broker reports a topic's effective retention.ms; a topic description
				// without it (some Admin implementations list only what the topic sets)
				// means the broker's default.
				brokerDefault = (brokerDefault != null) ? brokerDefault : brokerDefaultRetention(admin, timeout);
				retentions.put(name, brokerDefault);
			}
		}
		Map<String, Long> inOrder = new LinkedHashMap<>();
		topics.forEach((topic) -> inOrder.put(topic, retentions.get(topic)));
		return inOrder;
	}

	/**
	 * The broker's {@code log.retention.ms}, else {@code log.retention.minutes}, else
	 * {@code log.retention.hours}: the precedence the broker applies.
	 */
	private static long brokerDefaultRetention(Admin admin, Duration timeout) {
		Collection<Node> nodes = await(admin.describeCluster().nodes(), timeout, false);
		if (nodes.isEmpty()) {
			throw new KafkaException("The cluster reported no broker to read the default retention from");
		}
		ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER,
				Integer.toString(nodes.iterator().next().id()));
		Config config = await(admin.describeConfigs(List.of(broker)).values().get(broker), timeout, false);
		Long ms = number(config, "log.retention.ms", 1);
		Long minutes = number(config, "log.retention.minutes", Duration.ofMinutes(1).toMillis());
		Long hours = number(config, "log.retention.hours", Duration.ofHours(1).toMillis());
		return (ms != null) ? ms : (minutes != null) ? minutes : (hours != null) ? hours : KAFKA_DEFAULT_RETENTION_MS;
	}

	private static Long number(Config config, String name, long unitMillis) {
		ConfigEntry entry = config.get(name);
		if (entry == null || entry.value() == null || entry.value().isBlank()) {
			return null;
		}
		long value = Long.parseLong(entry.value().strip());
		return (value < 0) ? -1L : value * unitMillis;
	}

	static String describe(long millis) {
		if (millis < 0) {
			return "unlimited";
		}
		Duration duration = Duration.ofMillis(millis);
		if (duration.toMillis() % Duration.ofDays(1).toMillis() == 0) {
			return duration.toDays() + "d";
		}
		if (duration.toMillis() % Duration.ofHours(1).toMillis() == 0) {
			return duration.toHours() + "h";
		}
		return duration.toString();
	}

	/**
	 * The future's value; {@code null} for an unknown topic when {@code unknownIsNull}.
	 */
	private static <T> T await(KafkaFuture<T> future, Duration timeout, boolean unknownIsNull) {
		try {
			return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (unknownIsNull && ex.getCause() instanceof UnknownTopicOrPartitionException) {
				return null;
			}
			throw new KafkaException("Reading topic configs failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new KafkaException("Reading topic configs timed out after " + timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaException("Interrupted while reading topic configs", ex);
		}
	}

}
