package io.loyaltypulse.support.requestreply;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.schemas.registry.RetryPolicy;
import io.loyaltypulse.schemas.registry.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reply listener's loop against Kafka's {@link MockConsumer}: a fast unit test of the
 * loop's decisions (skip, pause, reconnect, resume), step by step, without a broker or a
 * thread. That the real consumer reads a real topic is covered by the service's *IT
 * tests.
 */
class ReplyConsumerLoopTest {

	private static final String TOPIC = "points-request-outcomes";

	private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

	private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

	private final ReplyWaiters<Reply> waiters = Reply.waiters();

	/** Every consumer the loop created, in order. */
	private final List<MockConsumer<String, Reply>> consumers = new ArrayList<>();

	/** End offsets a newly created consumer sees. */
	private final Map<TopicPartition, Long> endOffsets = new HashMap<>(Map.of(P0, 5L, P1, 0L));

	/** The pauses the loop took, instead of sleeping. */
	private final List<Duration> pauses = new ArrayList<>();

	private final ReplyConsumerLoop<Reply> loop = new ReplyConsumerLoop<>(this::newConsumer, TOPIC, this.waiters,
			new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(100), Duration.ofSeconds(1)), this.pauses::add);

	@Test
	void shouldAnswerAWaitingCallWithAnOutcomeReadFromTheEnd() {
		this.loop.step();
		assertThat(this.loop.isReady()).isTrue();
		ReplyWaiters<Reply>.Waiter waiter = this.waiters.register("r-1", "attempt-1");

		Reply outcome = Reply.approved("r-1");
		current().addRecord(new ConsumerRecord<>(TOPIC, 0, 5, "c-1", outcome));
		this.loop.step();

		assertThat(waiter.outcome()).isCompletedWithValue(outcome);
	}

	@Test
	void shouldSkipARecordThatCannotBeDeserializedAndGoOn() {
		this.loop.step();
		ReplyWaiters<Reply>.Waiter waiter = this.waiters.register("r-1", "attempt-1");

		current().setPollException(undeserializable(P0, 5));
		this.loop.step();
		Reply outcome = Reply.approved("r-1");
		current().addRecord(new ConsumerRecord<>(TOPIC, 0, 6, "c-1", outcome));
		this.loop.step();

		assertThat(this.loop.skippedRecords()).isOne();
		assertThat(this.loop.isReady()).isTrue();
		assertThat(this.pauses).isEmpty();
		assertThat(this.consumers).hasSize(1);
		assertThat(waiter.outcome()).isCompletedWithValue(outcome);
	}

	@Test
	void shouldReadAnOutcomeAgainWhenTheRegistryWasUnavailableInsteadOfSkippingIt() {
		this.loop.step();
		ReplyWaiters<Reply>.Waiter waiter = this.waiters.register("r-1", "attempt-1");

		current().setPollException(
				undeserializable(P0, 5, new SchemaRegistryException(503, 50003, "Schema registry answered 503")));
		this.loop.step();
		this.loop.step();
		Reply outcome = Reply.approved("r-1");
		current().addRecord(new ConsumerRecord<>(TOPIC, 0, 5, "c-1", outcome));
		this.loop.step();

		assertThat(this.loop.skippedRecords()).isZero();
		assertThat(this.pauses).containsExactly(Duration.ofMillis(100));
		assertThat(this.consumers).hasSize(2);
		assertThat(waiter.outcome()).as("the record at offset 5 is read again, not skipped")
			.isCompletedWithValue(outcome);
	}

	@Test
	void shouldPauseLongerAfterEachFailureInARowAndReconnect() {
		this.loop.step();

		current().setPollException(new KafkaException("broker gone"));
		this.loop.step();
		assertThat(this.loop.isReady()).isFalse();
		assertThat(this.consumers.get(0).closed()).isTrue();
		this.loop.step();
		current().setPollException(new KafkaException("broker still gone"));
		this.loop.step();

		assertThat(this.pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
		assertThat(this.loop.failures()).isEqualTo(2);
		this.loop.step();
		assertThat(this.loop.isReady()).isTrue();
		assertThat(this.consumers).hasSize(3);
	}

	@Test
	void shouldPauseAgainAfterASuccessfulReadFromTheFirstPause() {
		this.loop.step();
		current().setPollException(new KafkaException("broker gone"));
		this.loop.step();
		this.loop.step();
		this.loop.step();

		current().setPollException(new KafkaException("broker gone again"));
		this.loop.step();

		assertThat(this.pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(100));
	}

	@Test
	void shouldKeepRetryingWhileTheTopicDoesNotExist() {
		this.endOffsets.clear();

		this.loop.step();
		this.loop.step();

		assertThat(this.loop.isReady()).isFalse();
		assertThat(this.pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
		assertThat(this.loop.lastFailure()).contains("does not exist");
	}

	@Test
	void shouldAnswerAfterReconnectingWithAnOutcomePublishedWhileDisconnected() {
		this.loop.step();
		ReplyWaiters<Reply>.Waiter waiter = this.waiters.register("r-1", "attempt-1");
		current().setPollException(new KafkaException("broker gone"));
		this.loop.step();

		// Published while no consumer read: the topic's end moved on meanwhile.
		this.endOffsets.put(P0, 7L);
		this.loop.step();
		Reply outcome = Reply.approved("r-1");
		current().addRecord(new ConsumerRecord<>(TOPIC, 0, 5, "c-1", outcome));
		this.loop.step();

		assertThat(current().position(P0)).isEqualTo(6);
		assertThat(waiter.outcome()).isCompletedWithValue(outcome);
	}

	@Test
	void shouldReportHealthDownUntilConnectedAndAfterAFailure() {
		assertThat(ReplyListener.healthOf(this.loop).getStatus()).isEqualTo(Status.DOWN);
		this.loop.step();
		assertThat(ReplyListener.healthOf(this.loop).getStatus()).isEqualTo(Status.UP);

		current().setPollException(new KafkaException("broker gone"));
		this.loop.step();

		assertThat(ReplyListener.healthOf(this.loop).getStatus()).isEqualTo(Status.DOWN);
		assertThat(ReplyListener.healthOf(this.loop).getDetails()).containsEntry("failures", 1L)
			.containsKey("lastFailure");
	}

	@Test
	void shouldEndTheRunAndCloseTheConsumerWhenStopped() throws InterruptedException {
		Thread thread = new Thread(this.loop::run, "outcome-loop-test");
		thread.start();
		await().until(this.loop::isReady);

		this.loop.stop();
		thread.join(Duration.ofSeconds(10));

		assertThat(thread.isAlive()).isFalse();
		assertThat(this.consumers.get(0).closed()).isTrue();
		assertThat(this.loop.isReady()).isFalse();
	}

	private MockConsumer<String, Reply> newConsumer() {
		MockConsumer<String, Reply> consumer = new MockConsumer<>("latest");
		List<PartitionInfo> partitions = this.endOffsets.keySet()
			.stream()
			.map((partition) -> new PartitionInfo(TOPIC, partition.partition(), null, null, null))
			.toList();
		consumer.updatePartitions(TOPIC, partitions);
		consumer.updateEndOffsets(this.endOffsets);
		this.consumers.add(consumer);
		return consumer;
	}

	private MockConsumer<String, Reply> current() {
		return this.consumers.get(this.consumers.size() - 1);
	}

	private static RecordDeserializationException undeserializable(TopicPartition partition, long offset) {
		return undeserializable(partition, offset, new IllegalArgumentException("unknown magic byte"));
	}

	private static RecordDeserializationException undeserializable(TopicPartition partition, long offset,
			Throwable cause) {
		return new RecordDeserializationException(RecordDeserializationException.DeserializationExceptionOrigin.VALUE,
				partition, offset, 0L, TimestampType.CREATE_TIME,
				ByteBuffer.wrap("c-1".getBytes(StandardCharsets.UTF_8)), ByteBuffer.wrap(new byte[] { 1, 2, 3 }),
				new RecordHeaders(), "Error deserializing VALUE", cause);
	}

}
