package io.loyaltypulse.support.ingest;

import java.time.Instant;

import io.loyaltypulse.support.validation.Violations;
import org.apache.avro.specific.SpecificRecord;

/**
 * A request body as the platform sent it, before it is trusted: every field may be
 * missing. {@link #validate} finds everything wrong with it; only a request without
 * violations is turned into its event.
 */
public interface EventRequest {

	EventKind type();

	String eventId();

	String customerId();

	Instant occurredAt();

	/**
	 * Adds every violation to {@code violations}; {@code occurredAt} must lie within
	 * {@code [earliestOccurredAt, latestOccurredAt]}.
	 */
	void validate(Violations violations, Instant earliestOccurredAt, Instant latestOccurredAt);

	/**
	 * The event, with the resolved event id; only called after {@link #validate} found
	 * nothing.
	 */
	SpecificRecord toEvent(String resolvedEventId);

	/** The checks that every event shares: id, customer and event time. */
	static void validateCommon(EventRequest request, Violations violations, Instant earliestOccurredAt,
			Instant latestOccurredAt) {
		violations.optionalText("eventId", request.eventId());
		violations.requireText("customerId", request.customerId());
		violations.requireBetween("occurredAt", request.occurredAt(), earliestOccurredAt, latestOccurredAt);
	}

	/**
	 * The id from the URL path wins over the body; a body that names another id is
	 * refused rather than silently overridden.
	 */
	static String pathId(String field, String bodyValue, String pathValue, Violations violations) {
		if (bodyValue != null && !bodyValue.equals(pathValue)) {
			violations.add(field, "must match the " + field + " in the URL path ('" + pathValue + "') or be omitted");
		}
		return pathValue;
	}

}
