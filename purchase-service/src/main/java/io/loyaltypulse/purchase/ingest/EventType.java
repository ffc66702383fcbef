package io.loyaltypulse.purchase.ingest;

import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.schemas.topics.TopicDefinition;
import io.loyaltypulse.support.ingest.EventKind;
import io.loyaltypulse.support.ingest.EventRequest;
import io.loyaltypulse.support.security.Scopes;
import org.apache.avro.specific.SpecificRecord;

/**
 * The events this service accepts: the name a batch item gives in {@code type}, the
 * request class it is read into, the topic it is published on, and the scope a caller
 * needs to send it.
 */
enum EventType implements EventKind {

	PURCHASE_COMPLETED("PurchaseCompleted", PurchaseRequest.class, EventTopics.PURCHASES, Scopes.PURCHASES_WRITE),

	PURCHASE_REFUNDED("PurchaseRefunded", RefundRequest.class, EventTopics.PURCHASES, Scopes.PURCHASES_WRITE),

	INVOICE_ISSUED("InvoiceIssued", InvoiceRequest.class, EventTopics.INVOICES, Scopes.INVOICES_WRITE),

	INVOICE_PAYMENT_RECEIVED("InvoicePaymentReceived", PaymentRequest.class, EventTopics.INVOICES,
			Scopes.INVOICES_WRITE),

	INVOICE_CANCELLED("InvoiceCancelled", CancellationRequest.class, EventTopics.INVOICES, Scopes.INVOICES_WRITE);

	private final String eventName;

	private final Class<? extends EventRequest> requestClass;

	private final TopicDefinition<SpecificRecord> topic;

	private final String scope;

	EventType(String eventName, Class<? extends EventRequest> requestClass, TopicDefinition<SpecificRecord> topic,
			String scope) {
		this.eventName = eventName;
		this.requestClass = requestClass;
		this.topic = topic;
		this.scope = scope;
	}

	@Override
	public String eventName() {
		return this.eventName;
	}

	@Override
	public Class<? extends EventRequest> requestClass() {
		return this.requestClass;
	}

	@Override
	public TopicDefinition<SpecificRecord> topic() {
		return this.topic;
	}

	@Override
	public String scope() {
		return this.scope;
	}

}
