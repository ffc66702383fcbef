package io.loyaltypulse.support.ingest;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/events:batch}, the same on every service that declares
 * {@link IngestedEvents}: up to {@code loyalty.ingest.batch.max-events} of its kinds,
 * handed to {@link BatchIngest}, with one result per item in request order.
 *
 * <p>
 * Rule: 200 when every valid item was acknowledged (invalid ones carry their problem);
 * 503 with Retry-After when any valid item could not be published: resending the whole
 * batch is safe, since accepted items come back as seen recently.
 */
@RestController
public class BatchController {

	private final BatchIngest batches;

	private final IngestedEvents events;

	public BatchController(BatchIngest batches, IngestedEvents events) {
		this.batches = batches;
		this.events = events;
	}

	@PostMapping(path = "/api/v1/events:batch", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<BatchResult> batch(HttpServletRequest http, Authentication caller) throws IOException {
		return this.batches.accept(this.events.kinds(), http, caller, this.events.batchChecks());
	}

}
