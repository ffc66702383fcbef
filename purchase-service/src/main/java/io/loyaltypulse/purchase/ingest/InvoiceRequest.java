package io.loyaltypulse.purchase.ingest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.loyaltypulse.events.InvoiceIssued;
import io.loyaltypulse.support.ingest.EventKind;
import io.loyaltypulse.support.ingest.EventRequest;
import io.loyaltypulse.support.validation.Violations;

/** An issued invoice, as {@code POST /api/v1/invoices} receives it. */
record InvoiceRequest(String eventId, String customerId, Instant occurredAt, String invoiceId, String orderId,
		BigDecimal amount, String currency, LocalDate issueDate, LocalDate dueDate) implements EventRequest {

	@Override
	public EventKind type() {
		return EventType.INVOICE_ISSUED;
	}

	@Override
	public void validate(Violations violations, Instant earliestOccurredAt, Instant latestOccurredAt) {
		EventRequest.validateCommon(this, violations, earliestOccurredAt, latestOccurredAt);
		violations.requireText("invoiceId", this.invoiceId);
		violations.optionalText("orderId", this.orderId);
		violations.requirePositiveMoney("amount", this.amount);
		violations.requireCurrency("currency", this.currency);
		boolean datesPresent = violations.requirePresent("issueDate", this.issueDate)
				& violations.requirePresent("dueDate", this.dueDate);
		if (datesPresent && this.dueDate.isBefore(this.issueDate)) {
			violations.add("dueDate", "must not be before issueDate (" + this.issueDate + ")");
		}
	}

	@Override
	public InvoiceIssued toEvent(String resolvedEventId) {
		return InvoiceIssued.newBuilder()
			.setEventId(resolvedEventId)
			.setCustomerId(this.customerId)
			.setOccurredAt(this.occurredAt)
			.setInvoiceId(this.invoiceId)
			.setOrderId(this.orderId)
			.setAmount(Money.of(this.amount))
			.setCurrency(this.currency)
			.setIssueDate(this.issueDate)
			.setDueDate(this.dueDate)
			.build();
	}

}
