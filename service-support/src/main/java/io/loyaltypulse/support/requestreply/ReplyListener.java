package io.loyaltypulse.support.requestreply;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.loyaltypulse.schemas.registry.RetryPolicy;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;

/**
 * Reads every partition of a reply topic from the moment this instance starts,
 * read-committed (a reply of an aborted transaction never answers a call), and completes
 * the calls of this instance that wait for them. No consumer group: every instance sees
 * every reply, because the instance that took a request is not the one whose topology
 * decides it.
 * <p>
 * It survives bad records and broker trouble (see {@link ReplyConsumerLoop}); while it is
 * not reading, calls answer 503 at once and its health is DOWN. Register it as a bean: it
 * is a lifecycle, a health indicator and a meter binder.
 *
 * @param <R> the reply
 */
public final class ReplyListener<R> implements SmartLifecycle, MeterBinder, HealthIndicator {

	/** Pause after the first failure in a row, doubling up to 10 s; never gives up. */
	private static final RetryPolicy BACKOFF = new RetryPolicy(Integer.MAX_VALUE, Duration.ofMillis(100),
			Duration.ofSeconds(10));

	private final String name;

	private final ReplyConsumerLoop<R> loop;

	/** Released by stop(), so that a pause after a failure does not delay shutdown. */
	private final CountDownLatch stopping = new CountDownLatch(1);

	private volatile Thread thread;

	/**
	 * @param name names the thread, the client and the metrics' {@code listener} tag, for
	 * example {@code points-outcomes}
	 */
	public ReplyListener(String name, KafkaProperties kafka, String topic, Deserializer<R> deserializer,
			ReplyWaiters<R> waiters) {
		this.name = name;
		this.loop = new ReplyConsumerLoop<>(() -> newConsumer(kafka, name, deserializer), topic, waiters, BACKOFF,
				(pause) -> this.stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS));
	}

	private static <R> Consumer<String, R> newConsumer(KafkaProperties kafka, String name,
			Deserializer<R> deserializer) {
		Map<String, Object> config = kafka.buildConsumerProperties();
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-listener");
		return new KafkaConsumer<>(config, new StringDeserializer(), deserializer);
	}

	/** Whether calls can be answered: the listener reads its topic. */
	public boolean isReady() {
		return this.loop.isReady();
	}

	@Override
	public void start() {
		Thread listener = new Thread(this.loop::run, this.name + "-listener");
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

	/** UP while it reads its topic; DOWN while it starts, reconnects or stopped. */
	@Override
	public Health health() {
		return healthOf(this.loop);
	}

	static Health healthOf(ReplyConsumerLoop<?> loop) {
		Health.Builder health = loop.isReady() ? Health.up() : Health.down();
		health.withDetail("skippedRecords", loop.skippedRecords()).withDetail("failures", loop.failures());
		if (loop.lastFailure() != null) {
			health.withDetail("lastFailure", loop.lastFailure());
		}
		return health.build();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("loyalty.replies.skipped", this.loop, ReplyConsumerLoop::skippedRecords)
			.description("Reply records skipped because they could not be deserialized")
			.tag("listener", this.name)
			.register(registry);
		FunctionCounter.builder("loyalty.replies.listener.failures", this.loop, ReplyConsumerLoop::failures)
			.description("Failures of a reply listener, each followed by a pause and a reconnect")
			.tag("listener", this.name)
			.register(registry);
	}

}
