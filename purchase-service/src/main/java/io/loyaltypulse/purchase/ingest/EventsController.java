package io.loyaltypulse.purchase.ingest;

import io.loyaltypulse.support.idempotency.IdempotencyKeyHeader;
import io.loyaltypulse.support.json.StrictJsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import io.loyaltypulse.support.validation.ValidationFailedException;
import io.loyaltypulse.support.validation.Violation;
import io.loyaltypulse.support.validation.Violations;
import io.loyaltypulse.support.problems.ApiException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One event per request. Each answers 202 with the event id once Kafka acknowledged the
 * event, or an RFC 9457 problem.
 */
@RestController
@RequestMapping(path = "/api/v1", consumes = MediaType.APPLICATION_JSON_VALUE,
		produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
class EventsController {

	private final StrictJsonReader reader;

	private final IngestService ingest;

	private final IngestMetrics metrics;

	private final IngestProperties properties;

	EventsController(StrictJsonReader reader, IngestService ingest, IngestMetrics metrics,
			IngestProperties properties) {
		this.reader = reader;
		this.ingest = ingest;
		this.metrics = metrics;
		this.properties = properties;
	}

	@PostMapping("/purchases")
	ResponseEntity<Accepted> purchaseCompleted(HttpServletRequest http,
			@RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String key, Authentication caller)
			throws IOException {
		return accept(EventType.PURCHASE_COMPLETED, http, key, caller, (request, violations) -> request);
	}

	@PostMapping("/purchases/{orderId}/refunds")
	ResponseEntity<Accepted> purchaseRefunded(@PathVariable String orderId, HttpServletRequest http,
			@RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String key, Authentication caller)
			throws IOException {
		return accept(EventType.PURCHASE_REFUNDED, http, key, caller,
				(request, violations) -> ((RefundRequest) request).withOrderId(orderId, violations));
	}

	@PostMapping("/invoices")
	ResponseEntity<Accepted> invoiceIssued(HttpServletRequest http,
			@RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String key, Authentication caller)
			throws IOException {
		return accept(EventType.INVOICE_ISSUED, http, key, caller, (request, violations) -> request);
	}

	@PostMapping("/invoices/{invoiceId}/payments")
	ResponseEntity<Accepted> invoicePaymentReceived(@PathVariable String invoiceId, HttpServletRequest http,
			@RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String key, Authentication caller)
			throws IOException {
		return accept(EventType.INVOICE_PAYMENT_RECEIVED, http, key, caller,
				(request, violations) -> ((PaymentRequest) request).withInvoiceId(invoiceId, violations));
	}

	@PostMapping("/invoices/{invoiceId}/cancellation")
	ResponseEntity<Accepted> invoiceCancelled(@PathVariable String invoiceId, HttpServletRequest http,
			@RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String key, Authentication caller)
			throws IOException {
		return accept(EventType.INVOICE_CANCELLED, http, key, caller,
				(request, violations) -> ((CancellationRequest) request).withInvoiceId(invoiceId, violations));
	}

	private ResponseEntity<Accepted> accept(EventType type, HttpServletRequest http, String key, Authentication caller,
			BiFunction<EventRequest, Violations, EventRequest> withPathIds) throws IOException {
		try {
			String idempotencyKey = IdempotencyKeyHeader.validated(key);
			byte[] body = this.reader.readBody(http, this.properties.maxRequestSize());
			List<Violation> found = new ArrayList<>();
			EventRequest request = this.reader.bind(this.reader.parse(body), type.requestClass(), found);
			if (request == null) {
				throw new ValidationFailedException(found);
			}
			Violations pathViolations = new Violations();
			request = withPathIds.apply(request, pathViolations);
			found.addAll(pathViolations.list());
			Accepted accepted = IngestService
				.await(this.ingest.publish(this.ingest.prepare(request, found, "", idempotencyKey, caller)));
			this.metrics.accepted(type, accepted.seenRecently());
			return ResponseEntity.accepted()
				.header(IdempotencyKeyHeader.REPLAYED, Boolean.toString(accepted.seenRecently()))
				.body(accepted);
		}
		catch (ApiException ex) {
			this.metrics.rejected(type, ex.reason());
			throw ex;
		}
	}

}
