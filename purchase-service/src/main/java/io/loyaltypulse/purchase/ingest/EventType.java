package io.loyaltypulse.purchase.ingest;

import java.util.List;

import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.support.ingest.EventKind;
import io.loyaltypulse.support.ingest.IngestedEvents;
import io.loyaltypulse.support.security.Scopes;

/**
 * The events this service accepts: the name a batch item gives in {@code type}, the
 * request class it is read into, the topic it is published on, and the scope a caller
 * needs to send it.
 */
final class EventType {

	static final EventKind PURCHASE_COMPLETED = new EventKind("PurchaseCompleted", PurchaseRequest.class,
			EventTopics.PURCHASES, Scopes.PURCHASES_WRITE);

	static final EventKind PURCHASE_REFUNDED = new EventKind("PurchaseRefunded", RefundRequest.class,
			EventTopics.PURCHASES, Scopes.PURCHASES_WRITE);

	static final EventKind INVOICE_ISSUED = new EventKind("InvoiceIssued", InvoiceRequest.class, EventTopics.INVOICES,
			Scopes.INVOICES_WRITE);

	static final EventKind INVOICE_PAYMENT_RECEIVED = new EventKind("InvoicePaymentReceived", PaymentRequest.class,
			EventTopics.INVOICES, Scopes.INVOICES_WRITE);

	static final EventKind INVOICE_CANCELLED = new EventKind("InvoiceCancelled", CancellationRequest.class,
			EventTopics.INVOICES, Scopes.INVOICES_WRITE);

	/**
	 * Reviews and referrals are published by the same checkout and account systems as
	 * purchases, so they take the same scope (DESIGN.md defines no other for them).
	 */
	static final EventKind REVIEW_PUBLISHED = new EventKind("ReviewPublished", ReviewRequest.class,
			EventTopics.ENGAGEMENTS, Scopes.PURCHASES_WRITE);

	static final EventKind REFERRAL_REGISTERED = new EventKind("ReferralRegistered", ReferralRequest.class,
			EventTopics.ENGAGEMENTS, Scopes.PURCHASES_WRITE);

	private EventType() {
	}

	/**
	 * All of them, for service-support's batch endpoint, a refund checked against a
	 * purchase of the same batch ({@link OrdersInBatch}).
	 */
	static IngestedEvents ingested() {
		return new IngestedEvents(List.of(PURCHASE_COMPLETED, PURCHASE_REFUNDED, INVOICE_ISSUED,
				INVOICE_PAYMENT_RECEIVED, INVOICE_CANCELLED, REVIEW_PUBLISHED, REFERRAL_REGISTERED),
				OrdersInBatch::scan);
	}

}
