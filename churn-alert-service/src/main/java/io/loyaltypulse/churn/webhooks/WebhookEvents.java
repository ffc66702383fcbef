package io.loyaltypulse.churn.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.loyaltypulse.events.ChurnAlertCleared;
import io.loyaltypulse.events.ChurnAlertEscalated;
import io.loyaltypulse.events.ChurnAlertRaised;
import io.loyaltypulse.events.ChurnAlertResolved;
import io.loyaltypulse.events.ChurnAlertSnapshot;
import io.loyaltypulse.events.ChurnAlertUpdated;

/**
 * Each change on churn-alerts is one webhook event type, churn-alert.{raised, updated,
 * escalated, cleared, resolved}; its delivery to a subscription has the id msg_ +
 * sha256(subscription | change).
 */
public final class WebhookEvents {

	public static final List<String> TYPES = List.of("churn-alert.raised", "churn-alert.updated",
			"churn-alert.escalated", "churn-alert.cleared", "churn-alert.resolved");

	private WebhookEvents() {
	}

	/** A change on churn-alerts as the webhook event it becomes. */
	public record AlertChange(String type, String eventId, java.time.Instant occurredAt, ChurnAlertSnapshot alert) {

	}

	/** The change a record of churn-alerts carries, if it is one. */
	public static Optional<AlertChange> of(Object value) {
		return switch (value) {
			case ChurnAlertRaised change -> Optional
				.of(new AlertChange(TYPES.get(0), change.getEventId(), change.getOccurredAt(), change.getAlert()));
			case ChurnAlertUpdated change -> Optional
				.of(new AlertChange(TYPES.get(1), change.getEventId(), change.getOccurredAt(), change.getAlert()));
			case ChurnAlertEscalated change -> Optional
				.of(new AlertChange(TYPES.get(2), change.getEventId(), change.getOccurredAt(), change.getAlert()));
			case ChurnAlertCleared change -> Optional
				.of(new AlertChange(TYPES.get(3), change.getEventId(), change.getOccurredAt(), change.getAlert()));
			case ChurnAlertResolved change -> Optional
				.of(new AlertChange(TYPES.get(4), change.getEventId(), change.getOccurredAt(), change.getAlert()));
			case null, default -> Optional.empty();
		};
	}

	/** The delivery id (webhook-id) of a change to a subscription: stable on replays. */
	public static String deliveryId(String subscriptionId, String alertEventId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((subscriptionId + "|" + alertEventId).getBytes(StandardCharsets.UTF_8));
			return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
