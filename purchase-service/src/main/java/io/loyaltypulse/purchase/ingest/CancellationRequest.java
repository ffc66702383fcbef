package io.loyaltypulse.purchase.ingest;

import java.time.Instant;

import io.loyaltypulse.events.InvoiceCancelled;
import io.loyaltypulse.support.ingest.EventKind;
import io.loyaltypulse.support.ingest.EventRequest;
import io.loyaltypulse.support.validation.Violations;

/**
 * The cancellation of an invoice, as {@code POST
 * /api/v1/invoices/{invoiceId}/cancellation} receives it.
 */
record CancellationRequest(String eventId, String customerId, Instant occurredAt, String invoiceId,
		String reason) implements EventRequest {

	@Override
	public EventKind type() {
		return EventType.INVOICE_CANCELLED;
	}

	CancellationRequest withInvoiceId(String pathInvoiceId, Violations violations) {
		return new CancellationRequest(this.eventId, this.customerId, this.occurredAt,
				EventRequest.pathId("invoiceId", this.invoiceId, pathInvoiceId, violations), this.reason);
	}

	@Override
	public void validate(Violations violations, Instant earliestOccurredAt, Instant latestOccurredAt) {
		EventRequest.validateCommon(this, violations, earliestOccurredAt, latestOccurredAt);
		violations.requireText("invoiceId", this.invoiceId);
		violations.optionalText("reason", this.reason);
	}

	@Override
	public InvoiceCancelled toEvent(String resolvedEventId) {
		return InvoiceCancelled.newBuilder()
			.setEventId(resolvedEventId)
			.setCustomerId(this.customerId)
			.setOccurredAt(this.occurredAt)
			.setInvoiceId(this.invoiceId)
			.setReason(this.reason)
			.build();
	}

}
