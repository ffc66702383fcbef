package io.loyaltypulse.points.topology;

import java.time.Instant;

import io.loyaltypulse.points.InvalidEventException;
import org.apache.avro.specific.SpecificRecord;

/**
 * An event is admitted only in a sound envelope:
 * {@code key not blank, value not a tombstone, key = event.customerId, event.occurredAt present}.
 *
 * <p>
 * The key is what routes a customer's events to the one task that owns their account: an
 * event keyed by someone else would change an account its partition does not own.
 */
final class EventEnvelope {

	private EventEnvelope() {
	}

	/**
	 * @return the event's time
	 * @throws InvalidEventException naming what is wrong with the envelope
	 */
	static Instant check(String key, SpecificRecord event) {
		if (key == null || key.isBlank()) {
			throw new InvalidEventException("record without a customer id key");
		}
		if (event == null) {
			throw new InvalidEventException("tombstone on an event topic for customer " + key);
		}
		Object eventCustomer = event.get(event.getSchema().getField("customerId").pos());
		if (!key.equals(String.valueOf(eventCustomer))) {
			throw new InvalidEventException(
					"record key " + key + " differs from the event's customerId " + eventCustomer);
		}
		if (!(event.get(event.getSchema().getField("occurredAt").pos()) instanceof Instant at)) {
			throw new InvalidEventException(
					event.getSchema().getName() + " for customer " + key + " has no occurredAt");
		}
		return at;
	}

}
