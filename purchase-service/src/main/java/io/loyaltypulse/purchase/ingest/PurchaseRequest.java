package io.loyaltypulse.purchase.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.loyaltypulse.events.OrderLine;
import io.loyaltypulse.events.PaymentTerms;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.support.ingest.EventKind;
import io.loyaltypulse.support.ingest.EventRequest;
import io.loyaltypulse.support.validation.Violations;

/**
 * A completed order, as {@code POST /api/v1/purchases} receives it.
 *
 * <p>
 * Rule: total > 0 and total <= sum(quantity x unitPrice), because order-level discounts
 * can only lower what the lines add up to.
 */
record PurchaseRequest(String eventId, String customerId, Instant occurredAt, String orderId, String storeId,
		String channel, String region, List<Line> lines, BigDecimal total, String currency,
		Terms paymentTerms) implements EventRequest {

	static final int MAX_NET_DAYS = 366;

	record Line(String lineId, String sku, String category, Integer quantity, BigDecimal unitPrice) {
	}

	record Terms(Integer netDays, String method) {
	}

	@Override
	public EventKind type() {
		return EventType.PURCHASE_COMPLETED;
	}

	@Override
	public void validate(Violations violations, Instant earliestOccurredAt, Instant latestOccurredAt) {
		EventRequest.validateCommon(this, violations, earliestOccurredAt, latestOccurredAt);
		violations.requireText("orderId", this.orderId);
		violations.requireText("storeId", this.storeId);
		violations.requireText("channel", this.channel);
		violations.optionalText("region", this.region);
		violations.requireCurrency("currency", this.currency);
		BigDecimal lineSum = validateLines(violations);
		if (violations.requirePositiveMoney("total", this.total) && lineSum != null
				&& this.total.compareTo(lineSum) > 0) {
			violations.add("total", "must not exceed the sum of quantity x unitPrice over the lines ("
					+ lineSum.toPlainString() + "): order-level discounts can only lower it");
		}
		validateTerms(violations);
	}

	/** The sum of the lines, or null when a line is invalid and the sum means nothing. */
	private BigDecimal validateLines(Violations violations) {
		if (this.lines == null || this.lines.isEmpty()) {
			violations.add("lines", "must contain at least one line");
			return null;
		}
		BigDecimal sum = BigDecimal.ZERO;
		Set<String> lineIds = new HashSet<>();
		for (int i = 0; i < this.lines.size(); i++) {
			Line line = this.lines.get(i);
			Violations at = violations.at("lines").at(i);
			if (line == null) {
				at.addHere("must be an order line, not null");
				sum = null;
				continue;
			}
			if (at.requireText("lineId", line.lineId()) && !lineIds.add(line.lineId())) {
				at.add("lineId", "must be unique within the order ('" + line.lineId() + "' repeats)");
			}
			at.requireText("sku", line.sku());
			at.requireText("category", line.category());
			boolean quantityValid = at.requirePositive("quantity", line.quantity());
			boolean priceValid = at.requirePositiveMoney("unitPrice", line.unitPrice());
			sum = (sum != null && quantityValid && priceValid)
					? sum.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()))) : null;
		}
		return sum;
	}

	private void validateTerms(Violations violations) {
		if (this.paymentTerms == null) {
			return;
		}
		Violations at = violations.at("paymentTerms");
		if (at.requirePresent("netDays", this.paymentTerms.netDays())
				&& (this.paymentTerms.netDays() < 0 || this.paymentTerms.netDays() > MAX_NET_DAYS)) {
			at.add("netDays", "must be between 0 and " + MAX_NET_DAYS);
		}
		at.requireText("method", this.paymentTerms.method());
	}

	@Override
	public PurchaseCompleted toEvent(String resolvedEventId) {
		return PurchaseCompleted.newBuilder()
			.setEventId(resolvedEventId)
			.setCustomerId(this.customerId)
			.setOccurredAt(this.occurredAt)
			.setOrderId(this.orderId)
			.setStoreId(this.storeId)
			.setChannel(this.channel)
			.setRegion(this.region)
			.setLines(this.lines.stream()
				.map((line) -> OrderLine.newBuilder()
					.setLineId(line.lineId())
					.setSku(line.sku())
					.setCategory(line.category())
					.setQuantity(line.quantity())
					.setUnitPrice(Money.of(line.unitPrice()))
					.build())
				.toList())
			.setTotal(Money.of(this.total))
			.setCurrency(this.currency)
			.setPaymentTerms((this.paymentTerms != null) ? PaymentTerms.newBuilder()
				.setNetDays(this.paymentTerms.netDays())
				.setMethod(this.paymentTerms.method())
				.build() : null)
			.build();
	}

}
