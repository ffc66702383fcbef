package io.loyaltypulse.points.redemption;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.points.topology.PointsTopics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads every partition of {@code points-request-outcomes} from the moment this instance
 * starts, read-committed (an outcome of an aborted transaction never answers a call), and
 * completes the HTTP calls of this instance that wait for them. No consumer group: every
 * instance sees every outcome, because the instance that took a request is not the one
 * whose topology decides it.
 * <p>
 * It survives bad records and broker trouble (see {@link OutcomeConsumerLoop}); while it
 * is not reading, calls answer 503 at once and the {@code outcomeListener} health is
 * DOWN.
 */
@Component
class OutcomeListener implements SmartLifecycle, MeterBinder {

	private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

	private static final Duration MAX_PAUSE = Duration.ofSeconds(10);

	private final OutcomeConsumerLoop loop;

	/** Released by stop(), so that a pause after a failure does not delay shutdown. */
	private final CountDownLatch stopping = new CountDownLatch(1);

	private volatile Thread thread;

	OutcomeListener(KafkaProperties kafka, PointsTopics topics, OutcomeWaiters waiters) {
		this.loop = new OutcomeConsumerLoop(() -> newConsumer(kafka, topics), topics.outcomes().name(), waiters,
				new ListenerBackoff(FIRST_PAUSE, MAX_PAUSE),
				(pause) -> this.stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS));
	}

	private static Consumer<String, PointsRequestOutcome> newConsumer(KafkaProperties kafka, PointsTopics topics) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "points-outcome-listener");
		return new KafkaConsumer<>(config, new StringDeserializer(), topics.outcomes().valueSerde().deserializer());
	}

	boolean isReady() {
		return this.loop.isReady();
	}

	OutcomeConsumerLoop loop() {
		return this.loop;
	}

	@Override
	public void start() {
		Thread listener = new Thread(this.loop::run, "points-outcome-listener");
		listener.setDaemon(true);
		this.thread = listener;
		listener.start();
	}

	@Override
	public void stop() {
		Thread listener = this.thread;
		if (listener != null) {
			this.loop.stop();
			this.stopping.countDown();
			try {
				listener.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.thread = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("loyalty.points.outcomes.skipped", this.loop, OutcomeConsumerLoop::skippedRecords)
			.description("Outcome records skipped because they could not be deserialized")
			.register(registry);
		FunctionCounter.builder("loyalty.points.outcomes.listener.failures", this.loop, OutcomeConsumerLoop::failures)
			.description("Failures of the outcome listener, each followed by a pause and a reconnect")
			.register(registry);
	}

}
