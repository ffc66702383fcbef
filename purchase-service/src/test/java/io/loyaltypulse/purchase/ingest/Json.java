package io.loyaltypulse.purchase.ingest;

/** Request bodies as a platform sends them. */
final class Json {

	private Json() {
	}

	static String purchase(String eventId, String customerId) {
		return """
				{"eventId": "%s", "customerId": "%s", "occurredAt": "2026-11-20T10:15:30Z",
				 "orderId": "o-1", "storeId": "S1", "channel": "WEB",
				 "lines": [{"lineId": "1", "sku": "SKU-TEA", "category": "GROCERY", "quantity": 2, "unitPrice": 4.50}],
				 "total": 9.00, "currency": "EUR"}""".formatted(eventId, customerId);
	}

	/**
	 * A refund of line 1 of order o-1; {@code orderId} in the body only when not null.
	 */
	static String refund(String eventId, String orderId) {
		return """
				{"eventId": "%s", "customerId": "c-1", "occurredAt": "2026-11-21T09:00:00Z", "refundId": "r-1",%s
				 "lines": [{"lineId": "1", "quantity": 1}], "amount": 4.50, "currency": "EUR", "reason": "DAMAGED"}"""
			.formatted(eventId, (orderId != null) ? " \"orderId\": \"" + orderId + "\"," : "");
	}

	static String invoice(String eventId, String customerId) {
		return """
				{"eventId": "%s", "customerId": "%s", "occurredAt": "2026-11-20T10:15:30Z", "invoiceId": "inv-1",
				 "amount": 120.00, "currency": "EUR", "issueDate": "2026-11-20", "dueDate": "2026-12-20"}"""
			.formatted(eventId, customerId);
	}

	/** A published 4-star review of SKU-TEA of order o-1. */
	static String review(String eventId, String customerId) {
		return """
				{"eventId": "%s", "customerId": "%s", "occurredAt": "2026-11-21T10:00:00Z", "reviewId": "rev-1",
				 "orderId": "o-1", "sku": "SKU-TEA", "rating": 4, "status": "PUBLISHED"}""".formatted(eventId,
				customerId);
	}

	/** {@code customerId} registered through {@code referrerId}'s referral. */
	static String referral(String eventId, String customerId, String referrerId) {
		return """
				{"eventId": "%s", "customerId": "%s", "occurredAt": "2026-11-19T08:00:00Z", "referrerId": "%s"}"""
			.formatted(eventId, customerId, referrerId);
	}

	/** The body as a batch item of the given type. */
	static String typed(String type, String body) {
		return "{\"type\": \"" + type + "\", " + body.strip().substring(1);
	}

}
