package io.loyaltypulse.purchase.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.purchase.publishing.PublishUnavailableException;
import io.loyaltypulse.purchase.validation.ValidationFailedException;
import io.loyaltypulse.purchase.validation.Violation;
import io.loyaltypulse.purchase.validation.Violations;
import io.loyaltypulse.purchase.web.IngestException;
import io.loyaltypulse.purchase.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/events:batch}: up to {@code loyalty.ingest.batch.max-events} mixed
 * events, each validated and published on its own, with one result per item in request
 * order. The valid items are all handed to the producer before any acknowledgement is
 * awaited, so a batch costs about one round trip to Kafka, not one per event.
 *
 * <p>
 * Rule: 200 when every valid item was acknowledged (invalid ones carry their problem);
 * 503 with Retry-After when any valid item could not be published: resending the whole
 * batch is safe, since accepted items come back as seen recently.
 */
@RestController
class BatchController {

	private static final String EVENTS = "events";

	private final JsonBodyReader reader;

	private final IngestService ingest;

	private final IngestMetrics metrics;

	private final IngestProperties properties;

	BatchController(JsonBodyReader reader, IngestService ingest, IngestMetrics metrics, IngestProperties properties) {
		this.reader = reader;
		this.ingest = ingest;
		this.metrics = metrics;
		this.properties = properties;
	}

	@PostMapping(path = "/api/v1/events:batch", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<BatchResult> batch(HttpServletRequest http,
			@RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String key, Authentication caller)
			throws IOException {
		List<JsonNode> items;
		String batchKey;
		try {
			batchKey = IdempotencyKeyHeader.validated(key);
			items = items(this.reader.parse(this.reader.readBody(http, this.properties.batch().maxRequestSize())));
		}
		catch (IngestException ex) {
			this.metrics.rejected(null, ex.reason());
			throw ex;
		}
		List<Submitted> submitted = new ArrayList<>(items.size());
		Map<String, Integer> firstIndexOfEventId = new HashMap<>();
		OrdersInBatch orders = OrdersInBatch.scan(items);
		for (int i = 0; i < items.size(); i++) {
			submitted.add(submit(items.get(i), i, batchKey, caller, firstIndexOfEventId, orders));
		}
		return respond(submitted);
	}

	/** The items, after checking the envelope {"events": [...]} and its size. */
	private List<JsonNode> items(JsonNode root) {
		if (!root.isObject()) {
			throw new ValidationFailedException(
					List.of(new Violation("", "must be a JSON object {\"events\": [...]}")));
		}
		List<Violation> violations = new ArrayList<>();
		for (String field : root.propertyNames()) {
			if (!EVENTS.equals(field)) {
				violations.add(new Violation("/" + field, "is not a known field (known fields: events)"));
			}
		}
		JsonNode events = root.get(EVENTS);
		int max = this.properties.batch().maxEvents();
		if (events == null || !events.isArray()) {
			violations.add(new Violation("/events", "is required: an array of events"));
		}
		else if (events.isEmpty() || events.size() > max) {
			violations.add(new Violation("/events",
					"must contain 1 to " + max + " events (has " + events.size() + "); split larger imports"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationFailedException(violations);
		}
		List<JsonNode> items = new ArrayList<>(events.size());
		events.forEach(items::add);
		return items;
	}

	private Submitted submit(JsonNode item, int index, String batchKey, Authentication caller,
			Map<String, Integer> firstIndexOfEventId, OrdersInBatch orders) {
		String base = "/events/" + index;
		EventType type = null;
		try {
			type = typeOf(item, base);
			// The tree is this request's own: drop the discriminator instead of copying
			// the item.
			ObjectNode fields = (ObjectNode) item;
			fields.remove("type");
			List<Violation> found = new ArrayList<>();
			EventRequest request = this.reader.bind(fields, type.requestClass(), found);
			if (request == null) {
				throw new ValidationFailedException(prefixed(base, found));
			}
			String itemKey = (batchKey != null) ? batchKey + ":" + index : null;
			PreparedEvent prepared = this.ingest.prepare(request, found, base, itemKey, caller);
			Integer first = firstIndexOfEventId.putIfAbsent(prepared.eventId(), index);
			if (first != null) {
				throw new ValidationFailedException(List.of(new Violation(base + "/eventId",
						"repeats the eventId of /events/" + first + ": one event per id in a batch")));
			}
			checkAgainstOrder(prepared, index, orders);
			return new Submitted(type, this.ingest.publish(prepared));
		}
		catch (IngestException ex) {
			return new Submitted(type, CompletableFuture.failedFuture(ex));
		}
	}

	private static void checkAgainstOrder(PreparedEvent prepared, int index, OrdersInBatch orders) {
		if (prepared.event() instanceof PurchaseCompleted purchase) {
			orders.completed(purchase);
		}
		else if (prepared.event() instanceof PurchaseRefunded refund) {
			Violations violations = new Violations().at("events").at(index);
			orders.check(index, refund, violations);
			violations.throwIfAny();
			orders.refunded(refund);
		}
	}

	private static EventType typeOf(JsonNode item, String base) {
		if (!item.isObject()) {
			throw new ValidationFailedException(List.of(new Violation(base, "must be a JSON object")));
		}
		JsonNode type = item.get("type");
		Optional<EventType> known = (type != null && type.isString()) ? EventType.byName(type.asString())
				: Optional.empty();
		return known.orElseThrow(() -> new ValidationFailedException(
				List.of(new Violation(base + "/type", "must be one of " + EventType.names()))));
	}

	private static List<Violation> prefixed(String base, List<Violation> violations) {
		return violations.stream()
			.map((violation) -> new Violation(base + violation.pointer(), violation.detail()))
			.toList();
	}

	private ResponseEntity<BatchResult> respond(List<Submitted> submitted) {
		List<BatchResult.Item> results = new ArrayList<>(submitted.size());
		PublishUnavailableException unavailable = null;
		int accepted = 0;
		for (int i = 0; i < submitted.size(); i++) {
			try {
				Accepted result = IngestService.await(submitted.get(i).outcome());
				this.metrics.accepted(submitted.get(i).type(), result.seenRecently());
				results.add(BatchResult.Item.accepted(i, result));
				accepted++;
			}
			catch (IngestException ex) {
				this.metrics.rejected(submitted.get(i).type(), ex.reason());
				results.add(BatchResult.Item.rejected(i, ex.status().value(), Problems.toJson(ex.toProblem())));
				if (ex instanceof PublishUnavailableException notNow) {
					unavailable = notNow;
				}
			}
		}
		BatchResult body = new BatchResult(accepted, submitted.size() - accepted, results);
		if (unavailable != null) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(unavailable.retryAfter().toSeconds()))
				.body(body);
		}
		return ResponseEntity.ok(body);
	}

	/** One item on its way: its type when known (for metrics) and its outcome. */
	private record Submitted(EventType type, CompletableFuture<Accepted> outcome) {
	}

}
