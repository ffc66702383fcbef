package io.loyaltypulse.support.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.loyaltypulse.support.idempotency.IdempotencyKeyHeader;
import io.loyaltypulse.support.json.StrictJsonReader;
import io.loyaltypulse.support.problems.ApiException;
import io.loyaltypulse.support.problems.ProblemTypes;
import io.loyaltypulse.support.problems.RetryAfter;
import io.loyaltypulse.support.publishing.PublishFailedException;
import io.loyaltypulse.support.publishing.PublishUnavailableException;
import io.loyaltypulse.support.validation.ValidationFailedException;
import io.loyaltypulse.support.validation.Violation;
import io.loyaltypulse.support.validation.Violations;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;

/**
 * A batch of events, for a service's batch endpoint ({@code POST /api/v1/events:batch})
 * to hand over: {@code {"events": [...]}} with up to
 * {@code loyalty.ingest.batch.max-events} items of the service's kinds, each naming its
 * {@code type}, each validated, authorised and published on its own, with one result per
 * item in request order. The valid items are all handed to the producer before any
 * acknowledgement is awaited, so a batch costs about one round trip to Kafka, not one per
 * event.
 *
 * <p>
 * Rule: 200 when every valid item was acknowledged (invalid ones carry their problem);
 * 503 with Retry-After when any valid item could not be published: resending the whole
 * batch is safe, since accepted items come back as seen recently.
 */
public class BatchIngest {

	private static final Logger log = LoggerFactory.getLogger(BatchIngest.class);

	private static final String EVENTS = "events";

	/** An item's eventId, relative to the item. */
	private static final String EVENT_ID = "/eventId";

	private final StrictJsonReader reader;

	private final IngestService ingest;

	private final IngestMetrics metrics;

	private final IngestProperties properties;

	public BatchIngest(StrictJsonReader reader, IngestService ingest, IngestMetrics metrics,
			IngestProperties properties) {
		this.reader = reader;
		this.ingest = ingest;
		this.metrics = metrics;
		this.properties = properties;
	}

	/**
	 * Accepts a batch; the {@code Idempotency-Key} header (the batch's key, from which
	 * each item without an eventId derives {@code <key>:<index>}) is read from
	 * {@code http}.
	 * @param kinds the event kinds an item may name as its {@code type}
	 * @param checks what is checked across the items of this batch, made from its raw
	 * items
	 */
	public ResponseEntity<BatchResult> accept(List<? extends EventKind> kinds, HttpServletRequest http,
			Authentication caller, Function<List<JsonNode>, BatchCheck> checks) throws IOException {
		List<JsonNode> items;
		String batchKey;
		try {
			batchKey = IdempotencyKeyHeader.validated(http.getHeader(IdempotencyKeyHeader.NAME));
			items = items(this.reader.parse(this.reader.readBody(http, this.properties.batch().maxRequestSize())));
		}
		catch (ApiException ex) {
			this.metrics.rejected(null, ex.reason());
			throw ex;
		}
		List<Submitted> submitted = new ArrayList<>(items.size());
		Map<String, Integer> firstIndexOfEventId = new HashMap<>();
		BatchCheck check = checks.apply(items);
		for (int i = 0; i < items.size(); i++) {
			submitted.add(submit(kinds, items.get(i), i, batchKey, caller, firstIndexOfEventId, check));
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

	private Submitted submit(List<? extends EventKind> kinds, JsonNode item, int index, String batchKey,
			Authentication caller, Map<String, Integer> firstIndexOfEventId, BatchCheck check) {
		String base = "/events/" + index;
		EventKind type = null;
		String eventId = null;
		try {
			type = typeOf(kinds, item, base);
			// The tree is this request's own: drop the discriminator instead of copying
			// the item.
			ObjectNode fields = (ObjectNode) item;
			fields.remove("type");
			List<Violation> found = new ArrayList<>();
			EventRequest request = this.reader.bind(fields, type.requestClass(), found);
			if (request == null) {
				throw new ValidationFailedException(prefixed(base, found));
			}
			// Only an item without its own eventId takes <Idempotency-Key>:<index>.
			String itemKey = (batchKey != null && request.eventId() == null) ? batchKey + ":" + index : null;
			if (request.eventId() == null && itemKey == null
					&& found.stream().noneMatch((violation) -> EVENT_ID.equals(violation.pointer()))) {
				// A generated id would differ on every resend of the batch, so a resend
				// after a 503 would publish the item a second time.
				found.add(new Violation(EVENT_ID,
						"is required in a batch without an " + IdempotencyKeyHeader.NAME
								+ " header: send an eventId or the batch " + IdempotencyKeyHeader.NAME
								+ " header, so that a resend of the batch cannot duplicate this event"));
			}
			eventId = knownEventId(request.eventId(), itemKey);
			PreparedEvent prepared = this.ingest.prepare(request, found, base, itemKey, caller);
			eventId = prepared.eventId();
			Integer first = firstIndexOfEventId.putIfAbsent(prepared.eventId(), index);
			if (first != null) {
				throw new ValidationFailedException(List.of(new Violation(base + "/eventId",
						"repeats the eventId of /events/" + first + ": one event per id in a batch")));
			}
			check.check(index, prepared);
			return new Submitted(type, eventId, this.ingest.publish(prepared));
		}
		catch (ApiException ex) {
			return new Submitted(type, eventId, CompletableFuture.failedFuture(ex));
		}
		catch (RuntimeException ex) {
			// A bug must not fail the whole batch after earlier items were already handed
			// to the producer: this item gets its 500, the others their results.
			log.error("Batch item {} ({}) failed unexpectedly", index, (type != null) ? type.eventName() : "unknown",
					ex);
			return new Submitted(type, eventId, CompletableFuture.failedFuture(new PublishFailedException(ex)));
		}
	}

	/**
	 * The item's event id for its result when it is rejected: its own when that is a
	 * usable id, else the one derived from the batch's key; null when neither.
	 */
	private static String knownEventId(String bodyEventId, String itemKey) {
		if (bodyEventId != null) {
			return new Violations().optionalText("eventId", bodyEventId) ? bodyEventId : null;
		}
		return itemKey;
	}

	private static EventKind typeOf(List<? extends EventKind> kinds, JsonNode item, String base) {
		if (!item.isObject()) {
			throw new ValidationFailedException(List.of(new Violation(base, "must be a JSON object")));
		}
		JsonNode type = item.get("type");
		Optional<? extends EventKind> known = (type != null && type.isString())
				? kinds.stream().filter((kind) -> kind.eventName().equals(type.asString())).findFirst()
				: Optional.empty();
		return known.orElseThrow(() -> new ValidationFailedException(List.of(new Violation(base + "/type",
				"must be one of " + String.join(", ", kinds.stream().map(EventKind::eventName).toList())))));
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
			catch (ApiException ex) {
				this.metrics.rejected(submitted.get(i).type(), ex.reason());
				results.add(BatchResult.Item.rejected(i, ex.status().value(), submitted.get(i).eventId(),
						ProblemTypes.toJson(ex.toProblem())));
				if (ex instanceof PublishUnavailableException notNow) {
					unavailable = notNow;
				}
			}
		}
		BatchResult body = new BatchResult(accepted, submitted.size() - accepted, results);
		if (unavailable != null) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(RetryAfter.HEADER, RetryAfter.seconds(unavailable.retryAfter().orElseThrow()))
				.body(body);
		}
		return ResponseEntity.ok(body);
	}

	/**
	 * One item on its way: its type when known (for metrics), its event id when resolved,
	 * and its outcome.
	 */
	private record Submitted(EventKind type, String eventId, CompletableFuture<Accepted> outcome) {
	}

}
