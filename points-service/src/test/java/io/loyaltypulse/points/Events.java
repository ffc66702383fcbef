package io.loyaltypulse.points;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.OrderLine;
import io.loyaltypulse.events.PointsAdjustmentRequested;
import io.loyaltypulse.events.PointsRedemptionRequested;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.events.ReferralRegistered;
import io.loyaltypulse.events.RefundedLine;
import io.loyaltypulse.events.ReviewPublished;
import io.loyaltypulse.events.ReviewStatus;
import io.loyaltypulse.events.SurveyResponded;

/** Input events for the tests, with only what a test cares about to fill in. */
public final class Events {

	private Events() {
	}

	public static Purchase purchase(String customerId, String orderId, Instant at) {
		return new Purchase(customerId, orderId, at);
	}

	public static PurchaseRefunded refundLines(String customerId, String orderId, String refundId, Instant at,
			String amount, String... lineIdAndQuantity) {
		List<RefundedLine> lines = new ArrayList<>();
		for (int i = 0; i < lineIdAndQuantity.length; i += 2) {
			lines.add(RefundedLine.newBuilder()
				.setLineId(lineIdAndQuantity[i])
				.setQuantity(Integer.parseInt(lineIdAndQuantity[i + 1]))
				.build());
		}
		return PurchaseRefunded.newBuilder()
			.setEventId("refund-" + refundId)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setRefundId(refundId)
			.setOrderId(orderId)
			.setLines(lines)
			.setAmount(new BigDecimal(amount))
			.setCurrency("EUR")
			.build();
	}

	public static PurchaseRefunded refundAmount(String customerId, String orderId, String refundId, Instant at,
			String amount) {
		return refundLines(customerId, orderId, refundId, at, amount);
	}

	public static SurveyResponded survey(String customerId, String surveyId, String responseId, Instant at) {
		return SurveyResponded.newBuilder()
			.setEventId("survey-" + responseId)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setResponseId(responseId)
			.setSurveyId(surveyId)
			.setScore(9)
			.setTouchpoint("POST_PURCHASE")
			.build();
	}

	public static PointsRedemptionRequested redemption(String customerId, String key, long points, String orderId,
			Instant at) {
		return PointsRedemptionRequested.newBuilder()
			.setEventId("redeem-" + customerId + "-" + key)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setIdempotencyKey(key)
			.setPoints(points)
			.setOrderId(orderId)
			.build();
	}

	public static PointsAdjustmentRequested adjustment(String customerId, String key, long points, Instant at) {
		return PointsAdjustmentRequested.newBuilder()
			.setEventId("adjust-" + customerId + "-" + key)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setIdempotencyKey(key)
			.setPoints(points)
			.setReason("goodwill for a late delivery")
			.setActor("admin-7")
			.build();
	}

	/**
	 * A published 5-star review; a line of {@link #purchase} has sku
	 * {@code SKU-<lineId>}.
	 */
	public static ReviewPublished review(String customerId, String reviewId, String orderId, String sku, Instant at) {
		return ReviewPublished.newBuilder()
			.setEventId("review-" + reviewId)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setReviewId(reviewId)
			.setOrderId(orderId)
			.setSku(sku)
			.setRating(5)
			.setStatus(ReviewStatus.PUBLISHED)
			.build();
	}

	public static ReviewPublished rejected(ReviewPublished review) {
		return ReviewPublished.newBuilder(review)
			.setEventId(review.getEventId() + "-rejected")
			.setStatus(ReviewStatus.REJECTED)
			.build();
	}

	/** {@code customerId} joined through {@code referrerId}'s referral. */
	public static ReferralRegistered referral(String customerId, String referrerId, Instant at) {
		return ReferralRegistered.newBuilder()
			.setEventId("referral-" + customerId + "-by-" + referrerId)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setReferrerId(referrerId)
			.build();
	}

	/** A purchase under construction: add lines, then build. */
	public static final class Purchase {

		private final PurchaseCompleted.Builder builder;

		private final List<OrderLine> lines = new ArrayList<>();

		private BigDecimal total;

		Purchase(String customerId, String orderId, Instant at) {
			this.builder = PurchaseCompleted.newBuilder()
				.setEventId("purchase-" + orderId)
				.setCustomerId(customerId)
				.setOccurredAt(at)
				.setOrderId(orderId)
				.setStoreId("S2")
				.setChannel("WEB")
				.setCurrency("EUR");
		}

		public Purchase line(String lineId, String category, int quantity, String unitPrice) {
			this.lines.add(OrderLine.newBuilder()
				.setLineId(lineId)
				.setSku("SKU-" + lineId)
				.setCategory(category)
				.setQuantity(quantity)
				.setUnitPrice(new BigDecimal(unitPrice))
				.build());
			return this;
		}

		public Purchase store(String storeId) {
			this.builder.setStoreId(storeId);
			return this;
		}

		public Purchase channel(String channel) {
			this.builder.setChannel(channel);
			return this;
		}

		public Purchase currency(String currency) {
			this.builder.setCurrency(currency);
			return this;
		}

		/** The total paid, when an order-level discount makes it less than the lines. */
		public Purchase total(String total) {
			this.total = new BigDecimal(total);
			return this;
		}

		public Purchase eventId(String eventId) {
			this.builder.setEventId(eventId);
			return this;
		}

		public PurchaseCompleted build() {
			BigDecimal sum = this.lines.stream()
				.map((line) -> line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())))
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			return this.builder.setLines(this.lines).setTotal((this.total != null) ? this.total : sum).build();
		}

	}

}
