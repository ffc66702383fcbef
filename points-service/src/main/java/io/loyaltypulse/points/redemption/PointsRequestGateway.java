package io.loyaltypulse.points.redemption;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.loyaltypulse.events.PointsAdjustmentRequested;
import io.loyaltypulse.events.PointsRedemptionRequested;
import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.support.requestreply.RequestReplyClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends a points request to {@code points-requests}, for the topology that owns the
 * customer to decide, and waits for its outcome (request/reply of
 * {@code service-support}). The request id is derived from the customer and the
 * idempotency key, so a retried call is the same request: the topology answers it again
 * with the first outcome, and never applies it twice.
 */
public class PointsRequestGateway {

	private final RequestReplyClient<SpecificRecord, PointsRequestOutcome> client;

	private final String requestsTopic;

	private final Clock clock;

	PointsRequestGateway(RequestReplyClient<SpecificRecord, PointsRequestOutcome> client, String requestsTopic,
			Clock clock) {
		this.client = client;
		this.requestsTopic = requestsTopic;
		this.clock = clock;
	}

	PointsRequestOutcome redeem(String customerId, String idempotencyKey, RedemptionRequest body) {
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

	PointsRequestOutcome adjust(String customerId, String idempotencyKey, AdjustmentRequest body) {
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
			SpecificRecord request) {
		return this.client.call(new ProducerRecord<>(this.requestsTopic, null, now.toEpochMilli(), customerId, request),
				requestId, attemptId);
	}

	static String requestId(String kind, String customerId, String idempotencyKey) {
		return kind + "-" + UUID
			.nameUUIDFromBytes((kind + "\n" + customerId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
	}

}
