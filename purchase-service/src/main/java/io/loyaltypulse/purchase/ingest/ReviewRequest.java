package io.loyaltypulse.purchase.ingest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.loyaltypulse.events.ReviewPublished;
import io.loyaltypulse.events.ReviewStatus;
import io.loyaltypulse.support.ingest.EventKind;
import io.loyaltypulse.support.ingest.EventRequest;
import io.loyaltypulse.support.validation.Violations;

/**
 * A moderation decision on a product review, as {@code POST /api/v1/reviews} receives it:
 * the review of one item (sku) of one order, published or rejected.
 */
record ReviewRequest(String eventId, String customerId, Instant occurredAt, String reviewId, String orderId, String sku,
		Integer rating, String status) implements EventRequest {

	static final List<String> STATUSES = Arrays.stream(ReviewStatus.values()).map(Enum::name).toList();

	@Override
	public EventKind type() {
		return EventType.REVIEW_PUBLISHED;
	}

	@Override
	public void validate(Violations violations, Instant earliestOccurredAt, Instant latestOccurredAt) {
		EventRequest.validateCommon(this, violations, earliestOccurredAt, latestOccurredAt);
		violations.requireText("reviewId", this.reviewId);
		violations.requireText("orderId", this.orderId);
		violations.requireText("sku", this.sku);
		violations.requireBetween("rating", (this.rating != null) ? Long.valueOf(this.rating) : null, 1, 5);
		violations.requireOneOf("status", this.status, STATUSES);
	}

	@Override
	public ReviewPublished toEvent(String resolvedEventId) {
		return ReviewPublished.newBuilder()
			.setEventId(resolvedEventId)
			.setCustomerId(this.customerId)
			.setOccurredAt(this.occurredAt)
			.setReviewId(this.reviewId)
			.setOrderId(this.orderId)
			.setSku(this.sku)
			.setRating(this.rating)
			.setStatus(ReviewStatus.valueOf(this.status))
			.build();
	}

}
