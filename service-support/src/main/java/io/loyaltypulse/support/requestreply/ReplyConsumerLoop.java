package io.loyaltypulse.support.requestreply;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.loyaltypulse.schemas.registry.RetryPolicy;
import io.loyaltypulse.schemas.registry.SchemaRegistryException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reply listener's loop, one {@link #step()} at a time so that a test can drive it
 * without a thread or a broker. A step connects when there is no consumer (creates one,
 * assigns every partition, resumes where the previous consumer stopped or, for a
 * partition never read, at its end), and otherwise polls once and completes the waiters.
 * <p>
 * A record that cannot be deserialized is skipped (seek past it), logged and counted: it
 * can never answer a call, and stopping on it would leave every later call without an
 * answer. Any other failure closes the consumer and pauses (growing, bounded) before the
 * next step connects again; it resumes from the offsets it had reached, so that replies
 * published meanwhile still answer the calls that wait for them.
 */
final class ReplyConsumerLoop<R> {

	private static final Logger log = LoggerFactory.getLogger(ReplyConsumerLoop.class);

	private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

	/** Waits between failures; returns early when the loop is stopped. */
	@FunctionalInterface
	interface Pause {

		void pause(Duration duration) throws InterruptedException;

	}

	private final Supplier<Consumer<String, R>> consumers;

	private final String topic;

	private final ReplyWaiters<R> waiters;

	private final RetryPolicy backoff;

	/** Failures in a row, for the backoff; only the loop's thread touches it. */
	private int failuresInARow;

	private final Pause pause;

	/** Next offset to read per partition; only the loop's thread touches it. */
	private final Map<TopicPartition, Long> nextOffsets = new HashMap<>();

	private final AtomicLong skippedRecords = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private volatile Consumer<String, R> consumer;

	private volatile boolean ready;

	private volatile boolean stopped;

	private volatile String lastFailure;

	ReplyConsumerLoop(Supplier<Consumer<String, R>> consumers, String topic, ReplyWaiters<R> waiters,
			RetryPolicy backoff, Pause pause) {
		this.consumers = consumers;
		this.topic = topic;
		this.waiters = waiters;
		this.backoff = backoff;
		this.pause = pause;
	}

	/** Runs steps until {@link #stop()}; for the listener's thread. */
	void run() {
		try {
			while (!this.stopped) {
				step();
			}
		}
		finally {
			closeConsumer();
		}
	}

	void step() {
		if (this.stopped) {
			return;
		}
		try {
			if (this.consumer == null) {
				connect();
			}
			else {
				pollOnce();
			}
		}
		catch (WakeupException ex) {
			// stop() woke the consumer up; run() sees the flag and ends.
		}
		catch (RuntimeException ex) {
			failed(ex);
		}
	}

	/** Ends {@link #run()}: wakes up a consumer blocked in a call. */
	void stop() {
		this.stopped = true;
		Consumer<String, R> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
	}

	boolean isReady() {
		return this.ready;
	}

	long skippedRecords() {
		return this.skippedRecords.get();
	}

	long failures() {
		return this.failures.get();
	}

	String lastFailure() {
		return this.lastFailure;
	}

	private void connect() {
		this.consumer = this.consumers.get();
		if (this.stopped) {
			// stop() may have run before the consumer was visible to it.
			return;
		}
		List<TopicPartition> partitions = this.consumer.partitionsFor(this.topic)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		if (partitions.isEmpty()) {
			throw new IllegalStateException("topic " + this.topic + " does not exist");
		}
		this.consumer.assign(partitions);
		List<TopicPartition> neverRead = new ArrayList<>();
		for (TopicPartition partition : partitions) {
			Long next = this.nextOffsets.get(partition);
			if (next != null) {
				this.consumer.seek(partition, next);
			}
			else {
				neverRead.add(partition);
			}
		}
		this.consumer.seekToEnd(neverRead);
		// Fix the positions now: a call that registers after this point gets its reply.
		for (TopicPartition partition : partitions) {
			this.nextOffsets.put(partition, this.consumer.position(partition));
		}
		this.ready = true;
		log.info("The reply listener reads {} partitions of {}", partitions.size(), this.topic);
	}

	private void pollOnce() {
		try {
			for (ConsumerRecord<String, R> record : this.consumer.poll(POLL_TIMEOUT)) {
				this.nextOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
				if (record.value() != null) {
					this.waiters.complete(record.value());
				}
			}
			this.failuresInARow = 0;
		}
		catch (RecordDeserializationException ex) {
			if (SchemaRegistryException.isTransientCause(ex)) {
				// Not a bad record: the registry is unreachable or failing. Reading it
				// again after the back-off, from the offsets reached, keeps its reply.
				throw ex;
			}
			skip(ex);
		}
	}

	private void skip(RecordDeserializationException ex) {
		TopicPartition partition = ex.topicPartition();
		long next = ex.offset() + 1;
		this.consumer.seek(partition, next);
		this.nextOffsets.put(partition, next);
		long skipped = this.skippedRecords.incrementAndGet();
		log.error("Skipped a reply that cannot be deserialized: topic {}, partition {}, offset {} ({} skipped so far)",
				partition.topic(), partition.partition(), ex.offset(), skipped, ex);
	}

	private void failed(RuntimeException ex) {
		this.ready = false;
		this.failures.incrementAndGet();
		this.lastFailure = ex.toString();
		closeConsumer();
		Duration pause = this.backoff.waitBefore(++this.failuresInARow);
		log.warn("The reply listener of {} failed; calls answer 503 until it reconnects in {}", this.topic, pause, ex);
		try {
			this.pause.pause(pause);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			this.stopped = true;
		}
	}

	private void closeConsumer() {
		this.ready = false;
		Consumer<String, R> current = this.consumer;
		this.consumer = null;
		if (current != null) {
			try {
				current.close(CloseOptions.timeout(Duration.ofSeconds(5)));
			}
			catch (RuntimeException ex) {
				log.debug("Closing the reply consumer failed", ex);
			}
		}
	}

}
