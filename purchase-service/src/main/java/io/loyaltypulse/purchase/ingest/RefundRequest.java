package io.loyaltypulse.purchase.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.events.RefundedLine;
import io.loyaltypulse.support.ingest.EventKind;
import io.loyaltypulse.support.ingest.EventRequest;
import io.loyaltypulse.support.validation.Violations;

/**
 * A refund of an order, as {@code POST /api/v1/purchases/{orderId}/refunds} receives it:
 * the refunded lines (each named once) and the money returned, or just an amount.
 */
record RefundRequest(String eventId, String customerId, Instant occurredAt, String refundId, String orderId,
		List<Line> lines, BigDecimal amount, String currency, String reason) implements EventRequest {

	record Line(String lineId, Integer quantity) {
	}

	@Override
	public EventKind type() {
		return EventType.PURCHASE_REFUNDED;
	}

	RefundRequest withOrderId(String pathOrderId, Violations violations) {
		return new RefundRequest(this.eventId, this.customerId, this.occurredAt, this.refundId,
				EventRequest.pathId("orderId", this.orderId, pathOrderId, violations), this.lines, this.amount,
				this.currency, this.reason);
	}

	@Override
	public void validate(Violations violations, Instant earliestOccurredAt, Instant latestOccurredAt) {
		EventRequest.validateCommon(this, violations, earliestOccurredAt, latestOccurredAt);
		violations.requireText("refundId", this.refundId);
		violations.requireText("orderId", this.orderId);
		violations.requirePositiveMoney("amount", this.amount);
		violations.requireCurrency("currency", this.currency);
		violations.optionalText("reason", this.reason);
		if (this.lines == null) {
			return;
		}
		Set<String> lineIds = new HashSet<>();
		for (int i = 0; i < this.lines.size(); i++) {
			Line line = this.lines.get(i);
			Violations at = violations.at("lines").at(i);
			if (line == null) {
				at.addHere("must be a refunded line, not null");
				continue;
			}
			if (at.requireText("lineId", line.lineId()) && !lineIds.add(line.lineId())) {
				at.add("lineId",
						"must name each order line once ('" + line.lineId() + "' repeats): add the quantities instead");
			}
			at.requirePositive("quantity", line.quantity());
		}
	}

	@Override
	public PurchaseRefunded toEvent(String resolvedEventId) {
		return PurchaseRefunded.newBuilder()
			.setEventId(resolvedEventId)
			.setCustomerId(this.customerId)
			.setOccurredAt(this.occurredAt)
			.setRefundId(this.refundId)
			.setOrderId(this.orderId)
			.setLines((this.lines != null) ? this.lines.stream()
				.map((line) -> RefundedLine.newBuilder().setLineId(line.lineId()).setQuantity(line.quantity()).build())
				.toList() : List.of())
			.setAmount(Money.of(this.amount))
			.setCurrency(this.currency)
			.setReason(this.reason)
			.build();
	}

}
