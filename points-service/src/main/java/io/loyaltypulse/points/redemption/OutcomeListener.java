package io.loyaltypulse.points.redemption;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.points.topology.PointsTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads every partition of {@code points-request-outcomes} from the moment this instance
 * starts, read-committed (an outcome of an aborted transaction never answers a call), and
 * completes the HTTP calls of this instance that wait for them. No consumer group: every
 * instance sees every outcome, because the instance that took a request is not the one
 * whose topology decides it.
 */
@Component
class OutcomeListener implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutcomeListener.class);

	private final KafkaProperties kafka;

	private final PointsTopics topics;

	private final Map<String, CompletableFuture<PointsRequestOutcome>> waiting = new ConcurrentHashMap<>();

	private volatile KafkaConsumer<String, PointsRequestOutcome> consumer;

	private volatile boolean ready;

	private Thread thread;

	OutcomeListener(KafkaProperties kafka, PointsTopics topics) {
		this.kafka = kafka;
		this.topics = topics;
	}

	/**
	 * Registers interest in a request's outcome; call before sending the request.
	 */
	CompletableFuture<PointsRequestOutcome> await(String requestId) {
		return this.waiting.computeIfAbsent(requestId, (id) -> new CompletableFuture<>());
	}

	void forget(String requestId) {
		this.waiting.remove(requestId);
	}

	boolean isReady() {
		return this.ready;
	}

	@Override
	public void start() {
		Map<String, Object> config = this.kafka.buildConsumerProperties();
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "points-outcome-listener");
		this.consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				this.topics.outcomes().valueSerde().deserializer());
		this.thread = new Thread(this::run, "points-outcome-listener");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		KafkaConsumer<String, PointsRequestOutcome> outcomes = this.consumer;
		try (outcomes) {
			List<TopicPartition> partitions = outcomes.partitionsFor(this.topics.outcomes().name())
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			if (partitions.isEmpty()) {
				throw new IllegalStateException("topic " + this.topics.outcomes().name() + " does not exist");
			}
			outcomes.assign(partitions);
			outcomes.seekToEnd(partitions);
			partitions.forEach(outcomes::position);
			this.ready = true;
			while (true) {
				for (ConsumerRecord<String, PointsRequestOutcome> record : outcomes.poll(Duration.ofSeconds(1))) {
					CompletableFuture<PointsRequestOutcome> waiter = this.waiting.remove(record.value().getRequestId());
					if (waiter != null) {
						waiter.complete(record.value());
					}
				}
			}
		}
		catch (WakeupException ex) {
			// stop() was called.
		}
		catch (RuntimeException ex) {
			log.error("The outcome listener stopped; redemption calls will time out", ex);
		}
		finally {
			this.ready = false;
		}
	}

	@Override
	public void stop() {
		KafkaConsumer<String, PointsRequestOutcome> outcomes = this.consumer;
		if (outcomes != null) {
			outcomes.wakeup();
			try {
				this.thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.consumer = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.consumer != null;
	}

}
