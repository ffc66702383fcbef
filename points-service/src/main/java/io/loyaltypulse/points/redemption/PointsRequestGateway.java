package io.loyaltypulse.points.redemption;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.loyaltypulse.events.PointsAdjustmentRequested;
import io.loyaltypulse.events.PointsRedemptionRequested;
import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.points.config.PointsProperties;
import io.loyaltypulse.points.topology.PointsTopics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Sends a points request to {@code points-requests}, for the topology that owns the
 * customer to decide, and waits for its outcome. The request id is derived from the
 * customer and the idempotency key, so a retried call is the same request: the topology
 * answers it again with the first outcome, and never applies it twice.
 * <p>
 * Rule: one deadline, {@code loyalty.points.request-timeout} after the call started,
 * bounds the send and the wait for the outcome together.
 */
@Component
class PointsRequestGateway implements DisposableBean {

	private final Producer<String, SpecificRecord> producer;

	private final String requestsTopic;

	private final OutcomeWaiters waiters;

	private final BooleanSupplier listenerReady;

	private final Duration requestTimeout;

	private final Clock clock;

	private final LongSupplier nanoTime;

	@Autowired
	PointsRequestGateway(KafkaProperties kafka, PointsTopics topics, OutcomeWaiters waiters, OutcomeListener listener,
			PointsProperties properties) {
		this(requestProducer(kafka, topics, properties.requestTimeout()), topics.requests().name(), waiters,
				listener::isReady, properties.requestTimeout(), Clock.systemUTC(), System::nanoTime);
	}

	/**
	 * For tests: any producer, and the time source of the deadline.
	 */
	PointsRequestGateway(Producer<String, SpecificRecord> producer, String requestsTopic, OutcomeWaiters waiters,
			BooleanSupplier listenerReady, Duration requestTimeout, Clock clock, LongSupplier nanoTime) {
		this.producer = producer;
		this.requestsTopic = requestsTopic;
		this.waiters = waiters;
		this.listenerReady = listenerReady;
		this.requestTimeout = requestTimeout;
		this.clock = clock;
		this.nanoTime = nanoTime;
	}

	private static KafkaProducer<String, SpecificRecord> requestProducer(KafkaProperties kafka, PointsTopics topics,
			Duration requestTimeout) {
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		// send() blocks while it has no metadata: never longer than a whole call may
		// take.
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, requestTimeout.toMillis());
		return new KafkaProducer<>(config, new StringSerializer(), topics.requests().valueSerde().serializer());
	}

	PointsRequestOutcome redeem(String customerId, String idempotencyKey, RedemptionRequest body)
			throws OutcomeUnavailableException {
		String requestId = requestId("redemption", customerId, idempotencyKey);
		String attemptId = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		return send(customerId, requestId, attemptId, now,
				PointsRedemptionRequested.newBuilder()
					.setEventId(requestId)
					.setCustomerId(customerId)
					.setOccurredAt(now)
					.setIdempotencyKey(idempotencyKey)
					.setPoints(body.points())
					.setOrderId(body.orderId())
					.setDescription(body.description())
					.setAttemptId(attemptId)
					.build());
	}

	PointsRequestOutcome adjust(String customerId, String idempotencyKey, AdjustmentRequest body)
			throws OutcomeUnavailableException {
		String requestId = requestId("adjustment", customerId, idempotencyKey);
		String attemptId = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		return send(customerId, requestId, attemptId, now,
				PointsAdjustmentRequested.newBuilder()
					.setEventId(requestId)
					.setCustomerId(customerId)
					.setOccurredAt(now)
					.setIdempotencyKey(idempotencyKey)
					.setPoints(body.points())
					.setReason(body.reason())
					.setActor(body.actor())
					.setAttemptId(attemptId)
					.build());
	}

	private PointsRequestOutcome send(String customerId, String requestId, String attemptId, Instant now,
			SpecificRecord request) throws OutcomeUnavailableException {
		long deadline = this.nanoTime.getAsLong() + this.requestTimeout.toNanos();
		if (!this.listenerReady.getAsBoolean()) {
			throw OutcomeUnavailableException.notSent("the outcome listener is not reading outcomes");
		}
		// Registered before sending, so that an outcome arriving at once is not missed.
		try (OutcomeWaiters.Waiter waiter = this.waiters.register(requestId, attemptId)) {
			Future<?> sent = sendRequest(customerId, now, request);
			sent.get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
			return waiter.outcome().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw OutcomeUnavailableException.unknown("no outcome within " + this.requestTimeout);
		}
		catch (ExecutionException ex) {
			throw OutcomeUnavailableException.unknown("sending the request failed: " + ex.getCause().getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw OutcomeUnavailableException.unknown("the call was interrupted");
		}
	}

	private Future<?> sendRequest(String customerId, Instant now, SpecificRecord request)
			throws OutcomeUnavailableException {
		try {
			return this.producer
				.send(new ProducerRecord<>(this.requestsTopic, null, now.toEpochMilli(), customerId, request));
		}
		catch (KafkaException ex) {
			// Thrown before the record was handed to the network: no metadata in time, or
			// it could not be serialized.
			throw OutcomeUnavailableException.notSent("the request could not be sent: " + ex.getMessage());
		}
	}

	private long remainingMillis(long deadline) {
		return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - this.nanoTime.getAsLong()));
	}

	static String requestId(String kind, String customerId, String idempotencyKey) {
		return kind + "-" + UUID
			.nameUUIDFromBytes((kind + "\n" + customerId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void destroy() {
		this.producer.close();
	}

}
