package io.loyaltypulse.churn.webhooks;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.loyaltypulse.schemas.registry.RetryPolicy;
import io.loyaltypulse.schemas.registry.SchemaRegistryException;
import io.loyaltypulse.schemas.topics.Topic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of a topic from its beginning, on its own thread, and hands each
 * record to a sink: the instance's view of a compacted topic, which says how far it has
 * read.
 */
final class TopicMirror<V> implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(TopicMirror.class);

	/** The pause before reading again a record the registry could not decode. */
	private static final RetryPolicy REGISTRY_RETRY = RetryPolicy.UNTIL_BACK;

	private final Topic<String, V> topic;

	private final KafkaConsumer<String, V> consumer;

	private final Consumer<ConsumerRecord<String, V>> sink;

	private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

	/** Notified after each poll, for the threads that wait for the mirror to catch up. */
	private final Object progress = new Object();

	private final Thread thread;

	private volatile boolean running = true;

	private final Map<Integer, Long> initialEnds = new HashMap<>();

	private volatile boolean caughtUp;

	/** Polls that met the registry out of reach since the last good one. */
	private int registryFailuresInARow;

	TopicMirror(Topic<String, V> topic, Map<String, Object> consumerConfigs, Consumer<ConsumerRecord<String, V>> sink) {
		this.topic = topic;
		Map<String, Object> configs = new HashMap<>(consumerConfigs);
		configs.remove(ConsumerConfig.GROUP_ID_CONFIG);
		configs.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
		configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		configs.put(ConsumerConfig.CLIENT_ID_CONFIG, "mirror-" + topic.name() + "-" + UUID.randomUUID());
		this.consumer = new KafkaConsumer<>(configs, topic.keySerde().deserializer(),
				topic.valueSerde().deserializer());
		this.sink = sink;
		this.thread = Thread.ofPlatform().name("mirror-" + topic.name()).daemon().unstarted(this::run);
	}

	void start() {
		List<TopicPartition> partitions = this.consumer.partitionsFor(this.topic.name())
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
		this.consumer.endOffsets(partitions)
			.forEach((partition, end) -> this.initialEnds.put(partition.partition(), end));
		this.thread.start();
	}

	private void run() {
		while (this.running) {
			try {
				for (ConsumerRecord<String, V> record : this.consumer.poll(Duration.ofMillis(100))) {
					if (record.value() != null) {
						this.sink.accept(record);
					}
				}
				for (TopicPartition partition : this.consumer.assignment()) {
					this.positions.put(partition, this.consumer.position(partition));
				}
				this.registryFailuresInARow = 0;
				synchronized (this.progress) {
					this.progress.notifyAll();
				}
				if (!this.caughtUp && hasReached(this.initialEnds)) {
					this.caughtUp = true;
				}
			}
			catch (WakeupException ex) {
				// closing
			}
			catch (RuntimeException ex) {
				if (SchemaRegistryException.isTransientCause(ex)) {
					// A good record, the registry out of reach: the position stays on it
					// and the next poll reads it again (skipping it would forget a
					// subscription or a delivery).
					log.warn("Reading {}: the schema registry is out of reach; retrying", this.topic.name());
					pauseAfterRegistryFailure();
					continue;
				}
				// A record that cannot be read is skipped, never a reason to stop.
				log.warn("Reading {} failed, skipping: {}", this.topic.name(), ex.getClass().getSimpleName());
				skipBadRecord(ex);
			}
		}
		this.consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
	}

	private void pauseAfterRegistryFailure() {
		try {
			Thread.sleep(REGISTRY_RETRY.waitBefore(++this.registryFailuresInARow));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
	}

	private void skipBadRecord(RuntimeException ex) {
		if (ex instanceof RecordDeserializationException bad) {
			this.consumer.seek(bad.topicPartition(), bad.offset() + 1);
		}
	}

	/** Whether this mirror has read each partition up to the given offset. */
	boolean hasReached(Map<Integer, Long> endOffsets) {
		return endOffsets.entrySet()
			.stream()
			.allMatch((end) -> this.positions.getOrDefault(new TopicPartition(this.topic.name(), end.getKey()),
					-1L) >= end.getValue());
	}

	/** Waits until the mirror has read each partition up to the given offset. */
	boolean awaitReached(Map<Integer, Long> endOffsets, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.progress) {
			while (!hasReached(endOffsets)) {
				long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
				if (left <= 0) {
					return false;
				}
				// Woken after each poll of the mirror's thread.
				this.progress.wait(left);
			}
		}
		return true;
	}

	/** Whether the mirror has read what the topic held when it started. */
	boolean caughtUp() {
		return this.caughtUp;
	}

	String topicName() {
		return this.topic.name();
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.consumer.wakeup();
		this.thread.join(Duration.ofSeconds(6));
	}

}
