package io.loyaltypulse.testsupport.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the Kafka benchmarks of the services share (docs/benchmarks.md): topics, the
 * consumer configuration of a read-committed reader, the rate between a group's first and
 * last committed input offset, and the records of a topic counted read-committed. Never
 * used by tests (benchmarks measure, tests do not assert on speed).
 */
public final class BenchKafka {

	private final String bootstrap;

	private final Map<String, Object> clientConfig;

	private long firstCommitAt;

	/**
	 * @param bootstrap the broker
	 * @param clientConfig added to every consumer's configuration (the registry URL)
	 */
	public BenchKafka(String bootstrap, Map<String, Object> clientConfig) {
		this.bootstrap = bootstrap;
		this.clientConfig = Map.copyOf(clientConfig);
	}

	public String bootstrap() {
		return this.bootstrap;
	}

	public Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap));
	}

	/**
	 * Creates the topics with 6 partitions, replication 1 and no time retention (the
	 * backlogs carry timestamps of the past).
	 */
	public void createTopics(String... names) throws Exception {
		try (Admin admin = admin()) {
			admin
				.createTopics(Stream.of(names)
					.map((name) -> new NewTopic(name, 6, (short) 1).configs(Map.of("retention.ms", "-1")))
					.toList())
				.all()
				.get(30, TimeUnit.SECONDS);
		}
	}

	/**
	 * A read-committed consumer of the group from the earliest offset, 2,000 records a
	 * poll.
	 */
	public Map<String, Object> consumerConfig(String groupId) {
		Map<String, Object> config = new HashMap<>(this.clientConfig);
		config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap, ConsumerConfig.GROUP_ID_CONFIG,
				groupId, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000));
		return config;
	}

	/**
	 * Waits until the group has committed {@code total} offsets of the topics.
	 * @return records/s between the first and the last committed input offset of the
	 * group
	 */
	public double awaitCommitted(String groupId, List<String> topics, long total) throws Exception {
		try (Admin admin = admin()) {
			long firstCommitted = -1;
			long firstAt = 0;
			while (true) {
				long committed = admin.listConsumerGroupOffsets(groupId)
					.partitionsToOffsetAndMetadata()
					.get()
					.entrySet()
					.stream()
					.filter((entry) -> topics.contains(entry.getKey().topic()) && entry.getValue() != null)
					.mapToLong((entry) -> entry.getValue().offset())
					.sum();
				long now = System.nanoTime();
				if (committed > 0 && firstCommitted < 0) {
					firstCommitted = committed;
					firstAt = now;
					this.firstCommitAt = System.currentTimeMillis();
				}
				if (committed >= total) {
					return (total - firstCommitted) / ((now - firstAt) / 1e9);
				}
				Thread.sleep(20);
			}
		}
	}

	/** When {@link #awaitCommitted} saw the first commit (epoch millis). */
	public long firstCommitAt() {
		return this.firstCommitAt;
	}

	/** The records of a topic a read-committed consumer sees (no transaction markers). */
	public long countCommitted(String topic) throws Exception {
		try (Admin admin = admin();
				KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
						consumerConfig("count-" + UUID.randomUUID()), new ByteArrayDeserializer(),
						new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = admin.describeTopics(List.of(topic))
				.allTopicNames()
				.get()
				.get(topic)
				.partitions()
				.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList();
			Map<TopicPartition, Long> ends = new HashMap<>();
			admin
				.listOffsets(partitions.stream()
					.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest())))
				.all()
				.get()
				.forEach((partition, info) -> ends.put(partition, info.offset()));
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long count = 0;
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				count += consumer.poll(Duration.ofMillis(200)).count();
			}
			return count;
		}
	}

}
