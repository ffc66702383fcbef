package io.loyaltypulse.purchase.ingest;

import java.time.Instant;

import org.apache.avro.specific.SpecificRecord;

/** A validated, authorised event, ready to publish. */
record PreparedEvent(EventType type, String eventId, String customerId, Instant occurredAt, SpecificRecord event,
		long fingerprint) {

}
