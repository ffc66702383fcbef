package io.loyaltypulse.points.redemption;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.loyaltypulse.events.PointsAdjustmentRequested;
import io.loyaltypulse.events.PointsRedemptionRequested;
import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.points.config.PointsProperties;
import io.loyaltypulse.points.topology.PointsTopics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Sends a points request to {@code points-requests}, for the topology that owns the
 * customer to decide, and waits for its outcome. The request id is derived from the
 * customer and the idempotency key, so a retried call is the same request: the topology
 * answers it again with the first outcome, and never applies it twice.
 */
@Component
class PointsRequestGateway implements DisposableBean {

	private final PointsTopics topics;

	private final OutcomeListener outcomes;

	private final PointsProperties properties;

	private final Clock clock;

	private final KafkaProducer<String, SpecificRecord> producer;

	PointsRequestGateway(KafkaProperties kafka, PointsTopics topics, OutcomeListener outcomes,
			PointsProperties properties) {
		this.topics = topics;
		this.outcomes = outcomes;
		this.properties = properties;
		this.clock = Clock.systemUTC();
		Map<String, Object> config = kafka.buildProducerProperties();
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		this.producer = new KafkaProducer<>(config, new StringSerializer(),
				topics.requests().valueSerde().serializer());
	}

	PointsRequestOutcome redeem(String customerId, String idempotencyKey, RedemptionRequest body)
			throws OutcomeUnavailableException {
		String requestId = requestId("redemption", customerId, idempotencyKey);
		Instant now = this.clock.instant();
		return send(customerId, requestId, now,
				PointsRedemptionRequested.newBuilder()
					.setEventId(requestId)
					.setCustomerId(customerId)
					.setOccurredAt(now)
					.setIdempotencyKey(idempotencyKey)
					.setPoints(body.points())
					.setOrderId(body.orderId())
					.setDescription(body.description())
					.build());
	}

	PointsRequestOutcome adjust(String customerId, String idempotencyKey, AdjustmentRequest body)
			throws OutcomeUnavailableException {
		String requestId = requestId("adjustment", customerId, idempotencyKey);
		Instant now = this.clock.instant();
		return send(customerId, requestId, now,
				PointsAdjustmentRequested.newBuilder()
					.setEventId(requestId)
					.setCustomerId(customerId)
					.setOccurredAt(now)
					.setIdempotencyKey(idempotencyKey)
					.setPoints(body.points())
					.setReason(body.reason())
					.setActor(body.actor())
					.build());
	}

	private PointsRequestOutcome send(String customerId, String requestId, Instant now, SpecificRecord request)
			throws OutcomeUnavailableException {
		if (!this.outcomes.isReady()) {
			throw new OutcomeUnavailableException("the outcome listener is not ready yet");
		}
		CompletableFuture<PointsRequestOutcome> outcome = this.outcomes.await(requestId);
		try {
			this.producer
				.send(new ProducerRecord<>(this.topics.requests().name(), null, now.toEpochMilli(), customerId,
						request))
				.get(this.properties.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
			return outcome.get(this.properties.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new OutcomeUnavailableException("no outcome within " + this.properties.requestTimeout()
					+ "; retry with the same Idempotency-Key to get it");
		}
		catch (ExecutionException ex) {
			throw new OutcomeUnavailableException("the request could not be sent: " + ex.getCause().getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new OutcomeUnavailableException("interrupted");
		}
		finally {
			this.outcomes.forget(requestId);
		}
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
