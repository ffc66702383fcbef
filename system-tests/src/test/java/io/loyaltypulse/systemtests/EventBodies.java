package io.loyaltypulse.systemtests;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.systemtests.ExpectedPoints.Line;

/**
 * The JSON bodies a shop's platform posts, as the ingest APIs read them; a storyline adds
 * what only it sends (a region, a segment) to the map it gets.
 */
final class EventBodies {

	private EventBodies() {
	}

	/** {@code POST /api/v1/purchases}: its event id is the order's. */
	static Map<String, Object> purchase(String customerId, String orderId, Instant at, String storeId, String channel,
			List<Line> lines, BigDecimal total, String currency) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("eventId", orderId + "-completed");
		body.put("customerId", customerId);
		body.put("occurredAt", at.toString());
		body.put("orderId", orderId);
		body.put("storeId", storeId);
		body.put("channel", channel);
		body.put("lines", lines.stream()
			.map((line) -> Map.of("lineId", line.lineId(), "sku", "SKU-" + line.category(), "category", line.category(),
					"quantity", line.quantity(), "unitPrice", line.unitPrice().toPlainString()))
			.toList());
		body.put("total", total.toPlainString());
		body.put("currency", currency);
		return body;
	}

	/**
	 * {@code POST /api/v1/invoices}: issued at {@code issuedAt}, due on {@code dueDate}.
	 */
	static Map<String, Object> invoice(String customerId, String invoiceId, Instant issuedAt, String amount,
			String currency, LocalDate dueDate) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("eventId", invoiceId + "-issued");
		body.put("customerId", customerId);
		body.put("occurredAt", issuedAt.toString());
		body.put("invoiceId", invoiceId);
		body.put("amount", amount);
		body.put("currency", currency);
		body.put("issueDate", LocalDate.ofInstant(issuedAt, ZoneOffset.UTC).toString());
		body.put("dueDate", dueDate.toString());
		return body;
	}

	/**
	 * {@code POST /api/v1/survey-responses}: its event id is the response's; a null score
	 * is a skipped question.
	 */
	static Map<String, Object> answer(String customerId, String responseId, String surveyId, Instant at, Integer score,
			String touchpoint, String storeId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("eventId", responseId);
		body.put("customerId", customerId);
		body.put("occurredAt", at.toString());
		body.put("responseId", responseId);
		body.put("surveyId", surveyId);
		if (score != null) {
			body.put("score", score);
		}
		body.put("touchpoint", touchpoint);
		body.put("storeId", storeId);
		return body;
	}

}
