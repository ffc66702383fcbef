package io.loyaltypulse.churn.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.WebhookSecret;
import io.loyaltypulse.events.WebhookSubscription;

/**
 * A subscription receives a change when it is ACTIVE, the change's type is among its
 * event types (none: all), the alert's severity is at least its minimum, and the alert's
 * store is among its stores (none: all).
 *
 * @param id the subscription id
 * @param url the endpoint
 * @param eventTypes the event types delivered, null for all
 * @param minSeverity the lowest severity delivered, null for all
 * @param stores the stores delivered, null for all
 * @param format {@code standard} or {@code slack}
 * @param secrets the signing secrets, the current one first
 * @param status ACTIVE, DISABLED or DELETED
 * @param statusReason why not ACTIVE
 * @param createdAt when created
 * @param updatedAt when last changed
 * @param configured whether it comes from configuration rather than the API
 */
public record Subscription(String id, String url, List<String> eventTypes, String minSeverity, List<String> stores,
		String format, List<Secret> secrets, String status, String statusReason, Instant createdAt, Instant updatedAt,
		boolean configured) {

	public static final String ACTIVE = "ACTIVE";

	public static final String DISABLED = "DISABLED";

	public static final String DELETED = "DELETED";

	public static final List<String> FORMATS = List.of("standard", "slack");

	public static final List<String> SEVERITIES = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

	/** A signing secret; a rotated-out one expires. */
	public record Secret(String secret, Instant expiresAt) {

		@Override
		public String toString() {
			return "Secret[redacted, expiresAt=" + this.expiresAt + "]";
		}

	}

	/** Whether a change of this type, severity and store goes to this subscription. */
	public boolean matches(String eventType, String severity, String storeId) {
		return ACTIVE.equals(this.status) && (this.eventTypes == null || this.eventTypes.contains(eventType))
				&& (this.minSeverity == null || SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(this.minSeverity))
				&& (this.stores == null || (storeId != null && this.stores.contains(storeId)));
	}

	/** The secrets that sign at this time, the current one first. */
	public List<String> signingSecrets(Instant now) {
		return this.secrets.stream()
			.filter((secret) -> secret.expiresAt() == null || secret.expiresAt().isAfter(now))
			.map(Secret::secret)
			.toList();
	}

	/** When the rotated-out secret stops signing, if one still does. */
	public Instant rotationEndsAt(Instant now) {
		return this.secrets.stream()
			.map(Secret::expiresAt)
			.filter((at) -> at != null && at.isAfter(now))
			.findFirst()
			.orElse(null);
	}

	/** The subscription with a new current secret; the old one signs for the overlap. */
	public Subscription rotated(String newSecret, Instant now, Duration overlap) {
		List<Secret> next = new ArrayList<>();
		next.add(new Secret(newSecret, null));
		this.secrets.stream()
			.filter((secret) -> secret.expiresAt() == null)
			.findFirst()
			.ifPresent((current) -> next.add(new Secret(current.secret(), now.plus(overlap))));
		return new Subscription(this.id, this.url, this.eventTypes, this.minSeverity, this.stores, this.format, next,
				this.status, this.statusReason, this.createdAt, now, this.configured);
	}

	/** The subscription in another status. */
	public Subscription withStatus(String newStatus, String reason, Instant now) {
		return new Subscription(this.id, this.url, this.eventTypes, this.minSeverity, this.stores, this.format,
				this.secrets, newStatus, reason, this.createdAt, now, this.configured);
	}

	@Override
	public String toString() {
		return "Subscription[id=" + this.id + ", status=" + this.status + "]";
	}

	WebhookSubscription toAvro() {
		return WebhookSubscription.newBuilder()
			.setSubscriptionId(this.id)
			.setUrl(this.url)
			.setEventTypes(this.eventTypes)
			.setMinSeverity(this.minSeverity)
			.setStores(this.stores)
			.setFormat(this.format)
			.setSecrets(this.secrets.stream()
				.map((secret) -> WebhookSecret.newBuilder()
					.setSecret(secret.secret())
					.setExpiresAt(secret.expiresAt())
					.build())
				.toList())
			.setStatus(this.status)
			.setStatusReason(this.statusReason)
			.setCreatedAt(this.createdAt)
			.setUpdatedAt(this.updatedAt)
			.build();
	}

	static Subscription fromAvro(WebhookSubscription value, boolean configured) {
		return new Subscription(value.getSubscriptionId(), value.getUrl(), copy(value.getEventTypes()),
				value.getMinSeverity(), copy(value.getStores()), value.getFormat(),
				value.getSecrets()
					.stream()
					.map((secret) -> new Secret(secret.getSecret(), secret.getExpiresAt()))
					.toList(),
				value.getStatus(), value.getStatusReason(), value.getCreatedAt(), value.getUpdatedAt(), configured);
	}

	private static List<String> copy(List<String> values) {
		return (values != null) ? List.copyOf(values) : null;
	}

}
