package io.loyaltypulse.churn.webhooks;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.loyaltypulse.support.json.StrictJsonReader;
import io.loyaltypulse.support.problems.ApiException;
import io.loyaltypulse.support.validation.ValidatedBody;
import io.loyaltypulse.support.validation.Violations;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook admin API (scope {@code webhooks:admin}): subscriptions, their secrets,
 * their deliveries and replays. A secret is shown once, when created or rotated.
 */
@RestController
class WebhookController {

	static final DataSize MAX_BODY = DataSize.ofKilobytes(16);

	static final int MAX_URL = 2048;

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final Webhooks webhooks;

	private final StrictJsonReader reader;

	private final Clock clock;

	WebhookController(Webhooks webhooks, StrictJsonReader reader, Clock clock) {
		this.webhooks = webhooks;
		this.reader = reader;
		this.clock = clock;
	}

	/** {@code POST /api/v1/webhooks}. */
	record CreateBody(String url, List<String> eventTypes, String minSeverity, String format,
			List<String> stores) implements ValidatedBody {

		@Override
		public void validate(Violations violations) {
			violations.requireText("url", this.url, MAX_URL);
			if (this.eventTypes != null) {
				if (this.eventTypes.isEmpty()) {
					violations.add("eventTypes", "must not be empty (leave it out for every event type)");
				}
				for (int i = 0; i < this.eventTypes.size(); i++) {
					violations.at("eventTypes")
						.requireOneOf(Integer.toString(i), this.eventTypes.get(i), WebhookEvents.TYPES);
				}
			}
			if (this.minSeverity != null) {
				violations.requireOneOf("minSeverity", this.minSeverity, Subscription.SEVERITIES);
			}
			if (this.format != null) {
				violations.requireOneOf("format", this.format, Subscription.FORMATS);
			}
			if (this.stores != null) {
				if (this.stores.isEmpty()) {
					violations.add("stores", "must not be empty (leave it out for every store)");
				}
				for (int i = 0; i < this.stores.size(); i++) {
					violations.at("stores").requireText(Integer.toString(i), this.stores.get(i));
				}
			}
		}

	}

	/**
	 * {@code POST /api/v1/webhooks/{id}/replay}: one delivery, or every failed one since.
	 */
	record ReplayBody(Instant since, String deliveryId) implements ValidatedBody {

		@Override
		public void validate(Violations violations) {
			if ((this.since == null) == (this.deliveryId == null)) {
				violations.add((this.since == null) ? "since" : "deliveryId",
						"give exactly one of since and deliveryId");
				return;
			}
			violations.optionalText("deliveryId", this.deliveryId);
		}

	}

	/** A subscription without its secrets. */
	record SubscriptionView(String id, String url, List<String> eventTypes, String minSeverity, List<String> stores,
			String format, String status, String statusReason, String source, Instant createdAt, Instant updatedAt,
			Instant previousSecretExpiresAt) {

		static SubscriptionView of(Subscription subscription, Instant now) {
			return new SubscriptionView(subscription.id(), subscription.url(), subscription.eventTypes(),
					subscription.minSeverity(), subscription.stores(), subscription.format(), subscription.status(),
					subscription.statusReason(), subscription.configured() ? "configuration" : "api",
					subscription.createdAt(), subscription.updatedAt(), subscription.rotationEndsAt(now));
		}

	}

	/** A subscription with its new secret: answered once, at creation or rotation. */
	record WithSecret(String id, String secret, SubscriptionView subscription) {

		@Override
		public String toString() {
			return "WithSecret[id=" + this.id + "]";
		}

	}

	/** A delivery as listed. */
	record DeliveryView(String id, String eventType, String alertId, String customerId, String status, int attempts,
			Integer lastResponseCode, String lastError, Instant lastAttemptAt, Instant nextAttemptAt, Instant createdAt,
			Instant updatedAt) {

		static DeliveryView of(Delivery delivery) {
			return new DeliveryView(delivery.id(), delivery.eventType(), delivery.alertId(), delivery.customerId(),
					delivery.status(), delivery.attempts(), delivery.lastResponseCode(), delivery.lastError(),
					delivery.lastAttemptAt(), delivery.nextAttemptAt(), delivery.createdAt(), delivery.updatedAt());
		}

	}

	@PostMapping(path = "/api/v1/webhooks", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WithSecret> create(HttpServletRequest http) throws IOException {
		CreateBody body = this.reader.readValid(http, MAX_BODY, CreateBody.class);
		Violations violations = new Violations();
		this.webhooks.refusal(body.url()).ifPresent((why) -> violations.add("url", why));
		violations.throwIfAny();
		Subscription created = this.webhooks.create(body.url(), body.eventTypes(), body.minSeverity(), body.format(),
				body.stores());
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Location", "/api/v1/webhooks/" + created.id())
			.body(withSecret(created));
	}

	@GetMapping("/api/v1/webhooks")
	Map<String, List<SubscriptionView>> list() {
		Instant now = this.clock.instant();
		return Map.of("items", this.webhooks.list().stream().map((each) -> SubscriptionView.of(each, now)).toList());
	}

	@GetMapping("/api/v1/webhooks/{webhookId}")
	SubscriptionView get(@PathVariable String webhookId) {
		return SubscriptionView.of(this.webhooks.get(checked(webhookId)), this.clock.instant());
	}

	@DeleteMapping("/api/v1/webhooks/{webhookId}")
	ResponseEntity<Void> delete(@PathVariable String webhookId) {
		this.webhooks.delete(checked(webhookId));
		return ResponseEntity.noContent().build();
	}

	/** Idempotent: enabling an active subscription answers it as it is. */
	@PostMapping("/api/v1/webhooks/{webhookId}/enable")
	SubscriptionView enable(@PathVariable String webhookId) {
		return SubscriptionView.of(this.webhooks.enable(checked(webhookId)), this.clock.instant());
	}

	@PostMapping("/api/v1/webhooks/{webhookId}/secret")
	WithSecret rotateSecret(@PathVariable String webhookId) {
		return withSecret(this.webhooks.rotateSecret(checked(webhookId)));
	}

	@GetMapping("/api/v1/webhooks/{webhookId}/deliveries")
	Map<String, List<DeliveryView>> deliveries(@PathVariable String webhookId) {
		return Map.of("items", this.webhooks.deliveries(checked(webhookId)).stream().map(DeliveryView::of).toList());
	}

	@PostMapping(path = "/api/v1/webhooks/{webhookId}/replay", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, List<DeliveryView>>> replay(@PathVariable String webhookId, HttpServletRequest http)
			throws IOException {
		String id = checked(webhookId);
		ReplayBody body = this.reader.readValid(http, MAX_BODY, ReplayBody.class);
		List<Delivery> replayed = (body.deliveryId() != null) ? this.webhooks.replay(id, body.deliveryId())
				: this.webhooks.replaySince(id, body.since());
		return ResponseEntity.accepted().body(Map.of("items", replayed.stream().map(DeliveryView::of).toList()));
	}

	private WithSecret withSecret(Subscription subscription) {
		return new WithSecret(subscription.id(), subscription.secrets().getFirst().secret(),
				SubscriptionView.of(subscription, this.clock.instant()));
	}

	private static String checked(String id) {
		if (!ID.matcher(id).matches()) {
			throw new ApiException(HttpStatus.NOT_FOUND, "webhook-not-found", "Webhook subscription not found",
					"There is no webhook subscription with such an id.", null);
		}
		return id;
	}

}
