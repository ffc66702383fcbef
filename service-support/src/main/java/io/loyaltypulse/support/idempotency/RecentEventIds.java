package io.loyaltypulse.support.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The event ids this instance accepted recently, with a fingerprint of each event's
 * content: a bounded window (by count and age), not a store. It lets a retried request be
 * answered "seen recently" without publishing again, and a reused id with different
 * content be refused. Exact deduplication stays the consumers' job: another instance, a
 * restart, or two identical requests in flight at once all get past this window.
 */
public class RecentEventIds {

	/** What the window knows of an event id. */
	public enum Seen {

		/** Not accepted within the window. */
		NEW,

		/** Accepted within the window, with the same content. */
		SAME,

		/** Accepted within the window, with different content. */
		DIFFERENT

	}

	private final IdempotencyProperties properties;

	private final Clock clock;

	// Insertion order is acceptance order, so the eldest entry is always the first to
	// expire or to be evicted.
	private final LinkedHashMap<String, Entry> accepted = new LinkedHashMap<>();

	public RecentEventIds(IdempotencyProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	public synchronized Seen check(String eventId, long fingerprint) {
		Entry entry = this.accepted.get(eventId);
		if (entry == null || isExpired(entry, this.clock.instant())) {
			return Seen.NEW;
		}
		return (entry.fingerprint() == fingerprint) ? Seen.SAME : Seen.DIFFERENT;
	}

	/** Called once Kafka acknowledged the event. */
	public synchronized void remember(String eventId, long fingerprint) {
		Instant now = this.clock.instant();
		this.accepted.remove(eventId);
		this.accepted.put(eventId, new Entry(fingerprint, now));
		Iterator<Map.Entry<String, Entry>> eldest = this.accepted.entrySet().iterator();
		while (eldest.hasNext()) {
			Entry entry = eldest.next().getValue();
			if (this.accepted.size() <= this.properties.maxEntries() && !isExpired(entry, now)) {
				break;
			}
			eldest.remove();
		}
	}

	public synchronized int size() {
		return this.accepted.size();
	}

	private boolean isExpired(Entry entry, Instant now) {
		return entry.acceptedAt().plus(this.properties.window()).isBefore(now);
	}

	private record Entry(long fingerprint, Instant acceptedAt) {
	}

}
