package io.loyaltypulse.purchase.ingest;

import java.time.Instant;

import io.loyaltypulse.events.ReferralRegistered;
import io.loyaltypulse.support.ingest.EventKind;
import io.loyaltypulse.support.ingest.EventRequest;
import io.loyaltypulse.support.validation.Violations;

/**
 * A new customer registered through a referral, as {@code POST /api/v1/referrals}
 * receives it: {@code customerId} is the new customer, {@code referrerId} who referred
 * them.
 */
record ReferralRequest(String eventId, String customerId, Instant occurredAt,
		String referrerId) implements EventRequest {

	@Override
	public EventKind type() {
		return EventType.REFERRAL_REGISTERED;
	}

	@Override
	public void validate(Violations violations, Instant earliestOccurredAt, Instant latestOccurredAt) {
		EventRequest.validateCommon(this, violations, earliestOccurredAt, latestOccurredAt);
		if (violations.requireText("referrerId", this.referrerId) && this.referrerId.equals(this.customerId)) {
			// Refused here, where the platform can still be told; the points engine
			// refuses a self-referral published to Kafka directly too.
			violations.add("referrerId", "must be another customer than customerId: nobody can refer themself");
		}
	}

	@Override
	public ReferralRegistered toEvent(String resolvedEventId) {
		return ReferralRegistered.newBuilder()
			.setEventId(resolvedEventId)
			.setCustomerId(this.customerId)
			.setOccurredAt(this.occurredAt)
			.setReferrerId(this.referrerId)
			.build();
	}

}
