package io.loyaltypulse.churn.scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.OrderLine;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;

/** The events of the scorecard's tests, with only what the scorecard reads to say. */
final class ScorecardEvents {

	private ScorecardEvents() {
	}

	static PurchaseCompleted order(String customerId, String orderId, Instant at, String storeId, String region,
			String total, String currency) {
		BigDecimal amount = new BigDecimal(total).setScale(4);
		return PurchaseCompleted.newBuilder()
			.setEventId("purchase-" + orderId)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setOrderId(orderId)
			.setStoreId(storeId)
			.setChannel("WEB")
			.setRegion(region)
			.setLines(List.of(OrderLine.newBuilder()
				.setLineId("1")
				.setSku("SKU-1")
				.setCategory("GROCERY")
				.setQuantity(1)
				.setUnitPrice(amount)
				.build()))
			.setTotal(amount)
			.setCurrency(currency)
			.build();
	}

	static PurchaseCompleted order(String customerId, String orderId, Instant at, String storeId, String total) {
		return order(customerId, orderId, at, storeId, null, total, "EUR");
	}

	static PurchaseRefunded refund(String customerId, String refundId, String orderId, Instant at, String amount,
			String currency) {
		return PurchaseRefunded.newBuilder()
			.setEventId("refund-" + refundId)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setRefundId(refundId)
			.setOrderId(orderId)
			.setAmount(new BigDecimal(amount).setScale(4))
			.setCurrency(currency)
			.build();
	}

	static PurchaseRefunded refund(String customerId, String refundId, String orderId, Instant at, String amount) {
		return refund(customerId, refundId, orderId, at, amount, "EUR");
	}

	static PointsTransaction points(String customerId, long sequence, PointsTransactionKind kind, Instant at) {
		return PointsTransaction.newBuilder()
			.setEventId(customerId + ":" + sequence)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setSequence(sequence)
			.setKind(kind)
			.setPoints(10)
			.setBalanceAfter(10 * sequence)
			.setAvailableAfter(10 * sequence)
			.setPendingAfter(0)
			.setSourceEventId("source-" + sequence)
			.setExplanation("test")
			.build();
	}

}
