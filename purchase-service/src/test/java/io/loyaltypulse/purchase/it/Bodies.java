package io.loyaltypulse.purchase.it;

/** Request bodies as a platform sends them. */
final class Bodies {

	private Bodies() {
	}

	static String purchase(String eventId, String customerId) {
		return """
				{"eventId": "%s", "customerId": "%s", "occurredAt": "2026-11-20T10:15:30.123Z",
				 "orderId": "o-%s", "storeId": "S1", "channel": "WEB", "region": "EU-WEST",
				 "lines": [{"lineId": "1", "sku": "SKU-TEA", "category": "GROCERY", "quantity": 2, "unitPrice": 4.50},
				           {"lineId": "2", "sku": "SKU-CUP", "category": "HOME", "quantity": 1, "unitPrice": 12.0001}],
				 "total": 20.00, "currency": "EUR", "paymentTerms": {"netDays": 30, "method": "INVOICE"}}"""
			.formatted(eventId, customerId, eventId);
	}

	static String batchItem(String type, String body) {
		return "{\"type\": \"" + type + "\", " + body.strip().substring(1);
	}

	static String payment(String eventId, String customerId, String invoiceId) {
		return """
				{"eventId": "%s", "customerId": "%s", "occurredAt": "2026-11-21T08:00:00Z", "invoiceId": "%s",
				 "paymentId": "p-1", "amount": 60.00, "currency": "EUR"}""".formatted(eventId, customerId, invoiceId);
	}

	static String invoice(String eventId, String customerId) {
		return """
				{"eventId": "%s", "customerId": "%s", "occurredAt": "2026-11-20T10:15:30Z", "invoiceId": "inv-%s",
				 "amount": 120.00, "currency": "EUR", "issueDate": "2026-11-20", "dueDate": "2026-12-20"}"""
			.formatted(eventId, customerId, eventId);
	}

}
