package io.loyaltypulse.purchase.ingest;

import java.io.IOException;
import java.util.List;

import io.loyaltypulse.support.ingest.BatchIngest;
import io.loyaltypulse.support.ingest.BatchResult;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/events:batch}: up to {@code loyalty.ingest.batch.max-events} mixed
 * purchases, refunds, invoices, payments and cancellations, handed to service-support's
 * {@link BatchIngest}, with one result per item in request order; a refund is checked
 * against a purchase of the same batch ({@link OrdersInBatch}).
 *
 * <p>
 * Rule: 200 when every valid item was acknowledged (invalid ones carry their problem);
 * 503 with Retry-After when any valid item could not be published: resending the whole
 * batch is safe, since accepted items come back as seen recently.
 */
@RestController
class BatchController {

	private final BatchIngest batches;

	BatchController(BatchIngest batches) {
		this.batches = batches;
	}

	@PostMapping(path = "/api/v1/events:batch", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<BatchResult> batch(HttpServletRequest http, Authentication caller) throws IOException {
		return this.batches.accept(List.of(EventType.values()), http, caller, OrdersInBatch::scan);
	}

}
