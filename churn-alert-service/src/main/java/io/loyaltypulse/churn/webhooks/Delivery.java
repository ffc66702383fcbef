package io.loyaltypulse.churn.webhooks;

import java.time.Instant;

import io.loyaltypulse.events.WebhookDelivery;

/**
 * One change to deliver to one subscription, as it stands; the record with the highest
 * version wins.
 *
 * @param partition the partition of webhook-deliveries (and of churn-alerts) it lives on
 */
public record Delivery(String id, String subscriptionId, String customerId, String alertId, String alertEventId,
		String eventType, String payload, long sequence, long version, String status, int attempts,
		Instant nextAttemptAt, Instant lastAttemptAt, Integer lastResponseCode, String lastError, Instant createdAt,
		Instant updatedAt, int partition) {

	public static final String PENDING = "PENDING";

	public static final String SUCCEEDED = "SUCCEEDED";

	public static final String FAILED = "FAILED";

	/** Whether no more attempts are made (until a replay). */
	public boolean isFinal() {
		return !PENDING.equals(this.status);
	}

	/** The delivery after an attempt: its next record. */
	public Delivery attempted(String newStatus, Instant at, Integer responseCode, String error, Instant next) {
		return new Delivery(this.id, this.subscriptionId, this.customerId, this.alertId, this.alertEventId,
				this.eventType, this.payload, this.sequence, this.version + 1, newStatus, this.attempts + 1, next, at,
				responseCode, error, this.createdAt, at, this.partition);
	}

	/** The delivery failed without an attempt (its subscription is gone, say). */
	public Delivery abandoned(Instant at, String error) {
		return new Delivery(this.id, this.subscriptionId, this.customerId, this.alertId, this.alertEventId,
				this.eventType, this.payload, this.sequence, this.version + 1, FAILED, this.attempts, null,
				this.lastAttemptAt, this.lastResponseCode, error, this.createdAt, at, this.partition);
	}

	/** The delivery to make again from its first attempt, now. */
	public Delivery replayed(Instant at) {
		return new Delivery(this.id, this.subscriptionId, this.customerId, this.alertId, this.alertEventId,
				this.eventType, this.payload, this.sequence, this.version + 1, PENDING, 0, at, this.lastAttemptAt,
				this.lastResponseCode, this.lastError, this.createdAt, at, this.partition);
	}

	WebhookDelivery toAvro() {
		return WebhookDelivery.newBuilder()
			.setDeliveryId(this.id)
			.setSubscriptionId(this.subscriptionId)
			.setCustomerId(this.customerId)
			.setAlertId(this.alertId)
			.setAlertEventId(this.alertEventId)
			.setEventType(this.eventType)
			.setPayload(this.payload)
			.setSequence(this.sequence)
			.setVersion(this.version)
			.setStatus(this.status)
			.setAttempts(this.attempts)
			.setNextAttemptAt(this.nextAttemptAt)
			.setLastAttemptAt(this.lastAttemptAt)
			.setLastResponseCode(this.lastResponseCode)
			.setLastError(this.lastError)
			.setCreatedAt(this.createdAt)
			.setUpdatedAt(this.updatedAt)
			.build();
	}

	static Delivery fromAvro(WebhookDelivery value, int partition) {
		return new Delivery(value.getDeliveryId(), value.getSubscriptionId(), value.getCustomerId(), value.getAlertId(),
				value.getAlertEventId(), value.getEventType(), value.getPayload(), value.getSequence(),
				value.getVersion(), value.getStatus(), value.getAttempts(), value.getNextAttemptAt(),
				value.getLastAttemptAt(), value.getLastResponseCode(), value.getLastError(), value.getCreatedAt(),
				value.getUpdatedAt(), partition);
	}

}
