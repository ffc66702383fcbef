package io.loyaltypulse.points.it;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.OrderLine;
import io.loyaltypulse.events.PurchaseCompleted;

/**
 * The purchases the ITs send: one line of one unit, so that it earns its amount in
 * points.
 */
final class ItPurchases {

	private ItPurchases() {
	}

	static PurchaseCompleted purchase(String eventId, String customerId, String orderId, Instant at, long amount) {
		return PurchaseCompleted.newBuilder()
			.setEventId(eventId)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setOrderId(orderId)
			.setStoreId("S1")
			.setChannel("WEB")
			.setLines(List.of(OrderLine.newBuilder()
				.setLineId("1")
				.setSku("SKU-IT")
				.setCategory("GROCERY")
				.setQuantity(1)
				.setUnitPrice(new BigDecimal(amount))
				.build()))
			.setTotal(new BigDecimal(amount))
			.setCurrency("EUR")
			.build();
	}

}
