package io.loyaltypulse.schemas.topics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.awaitility.Awaitility.await;

/**
 * Record timestamps are event times: what a topic's retention does to a backfilled event,
 * on the real broker. The broker checks retention every 250 ms here instead of every 5
 * minutes; nothing else differs from a production broker.
 */
class RetentionIT {

	/** How old an event may be when purchase-service accepts it (max-past-age). */
	private static final Duration MAX_PAST_AGE = Duration.ofDays(3650);

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static EmbeddedKafkaKraftBroker kafka;

	private static Admin admin;

	@BeforeAll
	static void startBroker() {
		kafka = new EmbeddedKafkaKraftBroker(1, 1);
		kafka.brokerProperties(Map.of("log.retention.check.interval.ms", "250", "log.initial.task.delay.ms", "0"));
		kafka.afterPropertiesSet();
		admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()));
	}

	@AfterAll
	static void stopBroker() {
		if (admin != null) {
			admin.close();
		}
		if (kafka != null) {
			kafka.destroy();
		}
	}

	@Test
	void shouldDeleteAnAcceptedBackfillOnAWeekOfRetentionButKeepItOnTopicsOfTheProvisioner() throws Exception {
		// The old local stack: every topic with the broker's week
		// (log.retention.hours=168).
		admin
			.createTopics(List.of(new NewTopic("backfills-week", 1, (short) 1)
				.configs(Map.of("retention.ms", Long.toString(Duration.ofDays(7).toMillis())))))
			.all()
			.get(30, TimeUnit.SECONDS);
		new TopicProvisioner(admin, TIMEOUT).withRetention(TopicProvisioner.DEFAULT_EVENT_RETENTION)
			.ensure(List.of(new NewTopic("backfills-provisioned", 1, (short) 1)));
		// A purchase a day younger than the oldest that purchase-service accepts (202).
		long occurredAt = Instant.now().minus(MAX_PAST_AGE).plus(Duration.ofDays(1)).toEpochMilli();

		produce("backfills-week", occurredAt);
		produce("backfills-provisioned", occurredAt);

		await("the broker's retention deleting the backfill").atMost(Duration.ofSeconds(20))
			.until(() -> earliestOffset("backfills-week") == 1);
		assertThat(read("backfills-week")).isEmpty();
		assertThat(earliestOffset("backfills-provisioned")).isZero();
		assertThat(read("backfills-provisioned")).singleElement()
			.satisfies((record) -> assertThat(record.timestamp()).isEqualTo(occurredAt));
		assertThatIllegalStateException()
			.isThrownBy(() -> RetentionCheck.verify(admin, List.of("backfills-week", "backfills-provisioned"),
					MAX_PAST_AGE, TIMEOUT))
			.withMessageContaining("backfills-week keeps records for 7d")
			.withMessageNotContaining("backfills-provisioned keeps");
		assertThatNoException()
			.isThrownBy(() -> RetentionCheck.verify(admin, List.of("backfills-provisioned"), MAX_PAST_AGE, TIMEOUT));
	}

	@Test
	void shouldReadTheBrokerDefaultOfATopicThatSetsNoRetention() throws Exception {
		admin.createTopics(List.of(new NewTopic("broker-default", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);

		assertThat(RetentionCheck.retentions(admin, List.of("broker-default"), TIMEOUT)).containsEntry("broker-default",
				Duration.ofDays(7).toMillis());
		assertThatIllegalStateException().isThrownBy(
				() -> RetentionCheck.verify(admin, List.of("broker-default", "no-such-topic"), MAX_PAST_AGE, TIMEOUT))
			.withMessageContaining("broker-default keeps records for 7d")
			.withMessageContaining("no-such-topic does not exist");
	}

	private static void produce(String topic, long timestamp) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map
			.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, 0, timestamp, "c-1042", "backfilled purchase"))
				.get(30, TimeUnit.SECONDS);
		}
	}

	private static long earliestOffset(String topic) throws Exception {
		TopicPartition partition = new TopicPartition(topic, 0);
		return admin.listOffsets(Map.of(partition, OffsetSpec.earliest()))
			.partitionResult(partition)
			.get(30, TimeUnit.SECONDS)
			.offset();
	}

	private static List<ConsumerRecord<String, String>> read(String topic) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			TopicPartition partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (consumer.position(partition) < end && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

}
