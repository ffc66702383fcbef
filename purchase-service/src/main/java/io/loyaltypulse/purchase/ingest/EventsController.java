package io.loyaltypulse.purchase.ingest;

import java.io.IOException;

import io.loyaltypulse.support.ingest.Accepted;
import io.loyaltypulse.support.ingest.EventIngest;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One event per request, handed to service-support's {@link EventIngest}. Each answers
 * 202 with the event id once Kafka acknowledged the event, or an RFC 9457 problem; the
 * {@code Idempotency-Key} header is the event id of a body without one.
 */
@RestController
@RequestMapping(path = "/api/v1", consumes = MediaType.APPLICATION_JSON_VALUE,
		produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
class EventsController {

	private final EventIngest ingest;

	EventsController(EventIngest ingest) {
		this.ingest = ingest;
	}

	@PostMapping("/purchases")
	ResponseEntity<Accepted> purchaseCompleted(HttpServletRequest http, Authentication caller) throws IOException {
		return this.ingest.accept(EventType.PURCHASE_COMPLETED, http, caller);
	}

	@PostMapping("/purchases/{orderId}/refunds")
	ResponseEntity<Accepted> purchaseRefunded(@PathVariable String orderId, HttpServletRequest http,
			Authentication caller) throws IOException {
		return this.ingest.accept(EventType.PURCHASE_REFUNDED, http, caller,
				(request, violations) -> ((RefundRequest) request).withOrderId(orderId, violations));
	}

	@PostMapping("/invoices")
	ResponseEntity<Accepted> invoiceIssued(HttpServletRequest http, Authentication caller) throws IOException {
		return this.ingest.accept(EventType.INVOICE_ISSUED, http, caller);
	}

	@PostMapping("/invoices/{invoiceId}/payments")
	ResponseEntity<Accepted> invoicePaymentReceived(@PathVariable String invoiceId, HttpServletRequest http,
			Authentication caller) throws IOException {
		return this.ingest.accept(EventType.INVOICE_PAYMENT_RECEIVED, http, caller,
				(request, violations) -> ((PaymentRequest) request).withInvoiceId(invoiceId, violations));
	}

	@PostMapping("/invoices/{invoiceId}/cancellation")
	ResponseEntity<Accepted> invoiceCancelled(@PathVariable String invoiceId, HttpServletRequest http,
			Authentication caller) throws IOException {
		return this.ingest.accept(EventType.INVOICE_CANCELLED, http, caller,
				(request, violations) -> ((CancellationRequest) request).withInvoiceId(invoiceId, violations));
	}

	@PostMapping("/reviews")
	ResponseEntity<Accepted> reviewPublished(HttpServletRequest http, Authentication caller) throws IOException {
		return this.ingest.accept(EventType.REVIEW_PUBLISHED, http, caller);
	}

	@PostMapping("/referrals")
	ResponseEntity<Accepted> referralRegistered(HttpServletRequest http, Authentication caller) throws IOException {
		return this.ingest.accept(EventType.REFERRAL_REGISTERED, http, caller);
	}

}
