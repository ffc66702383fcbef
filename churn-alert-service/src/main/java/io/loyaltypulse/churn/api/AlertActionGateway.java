package io.loyaltypulse.churn.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.loyaltypulse.events.ChurnAlertActionOutcome;
import io.loyaltypulse.events.ChurnAlertActionRequested;
import io.loyaltypulse.support.requestreply.RequestReplyClient;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends an action on an alert to {@code churn-alert-actions}, for the topology that owns
 * the customer to apply, and waits for its outcome. The request id is derived from the
 * alert, the action and the idempotency key, so a retried call is the same request: it is
 * answered again and never applied twice.
 */
class AlertActionGateway {

	private final RequestReplyClient<ChurnAlertActionRequested, ChurnAlertActionOutcome> client;

	private final String actionsTopic;

	private final Clock clock;

	AlertActionGateway(RequestReplyClient<ChurnAlertActionRequested, ChurnAlertActionOutcome> client,
			String actionsTopic, Clock clock) {
		this.client = client;
		this.actionsTopic = actionsTopic;
		this.clock = clock;
	}

	ChurnAlertActionOutcome send(String customerId, String alertId, String idempotencyKey, ActionBody body,
			String actor) {
		String requestId = requestId(alertId, body.action().name(), idempotencyKey);
		String attemptId = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		ChurnAlertActionRequested.Builder request = ChurnAlertActionRequested.newBuilder()
			.setEventId(requestId)
			.setCustomerId(customerId)
			.setOccurredAt(now)
			.setAlertId(alertId)
			.setAction(body.action())
			.setActor(actor)
			.setAttemptId(attemptId);
		body.fill(request);
		return this.client.call(
				new ProducerRecord<>(this.actionsTopic, null, now.toEpochMilli(), customerId, request.build()),
				requestId, attemptId);
	}

	static String requestId(String alertId, String action, String idempotencyKey) {
		return "action-" + UUID
			.nameUUIDFromBytes((alertId + "\n" + action + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
	}

}
