package io.loyaltypulse.support.ingest;

import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;

/** A validated, authorised event, ready to publish. */
public record PreparedEvent(EventKind type, String eventId, String customerId, Instant occurredAt, SpecificRecord event,
		long fingerprint) {

}
