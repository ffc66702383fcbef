package io.loyaltypulse.purchase.ingest;

import java.math.BigDecimal;
import java.time.Instant;

import io.loyaltypulse.events.InvoicePaymentReceived;
import io.loyaltypulse.support.ingest.EventKind;
import io.loyaltypulse.support.ingest.EventRequest;
import io.loyaltypulse.support.validation.Violations;

/**
 * A payment against an invoice, as {@code POST /api/v1/invoices/{invoiceId}/payments}
 * receives it; possibly partial.
 */
record PaymentRequest(String eventId, String customerId, Instant occurredAt, String invoiceId, String paymentId,
		BigDecimal amount, String currency) implements EventRequest {

	@Override
	public EventKind type() {
		return EventType.INVOICE_PAYMENT_RECEIVED;
	}

	PaymentRequest withInvoiceId(String pathInvoiceId, Violations violations) {
		return new PaymentRequest(this.eventId, this.customerId, this.occurredAt,
				EventRequest.pathId("invoiceId", this.invoiceId, pathInvoiceId, violations), this.paymentId,
				this.amount, this.currency);
	}

	@Override
	public void validate(Violations violations, Instant earliestOccurredAt, Instant latestOccurredAt) {
		EventRequest.validateCommon(this, violations, earliestOccurredAt, latestOccurredAt);
		violations.requireText("invoiceId", this.invoiceId);
		violations.requireText("paymentId", this.paymentId);
		violations.requirePositiveMoney("amount", this.amount);
		violations.requireCurrency("currency", this.currency);
	}

	@Override
	public InvoicePaymentReceived toEvent(String resolvedEventId) {
		return InvoicePaymentReceived.newBuilder()
			.setEventId(resolvedEventId)
			.setCustomerId(this.customerId)
			.setOccurredAt(this.occurredAt)
			.setInvoiceId(this.invoiceId)
			.setPaymentId(this.paymentId)
			.setAmount(Money.of(this.amount))
			.setCurrency(this.currency)
			.build();
	}

}
