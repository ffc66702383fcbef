package io.loyaltypulse.support.streams;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A due-time index over a key-value store: {@code "%019d(dueAt)|id" -> ""}, so that a
 * wall-clock punctuator reads the entries that fell due in time order and never scans
 * every entity: the cost of a punctuation grows with what is due, not with what is held.
 * The entity remembers its own due time ({@link #NOTHING_DUE} when none), which
 * {@link #move} needs to find its entry again.
 * <p>
 * A scan starts at the earliest time that can hold an entry, not at the start of the
 * store: entries taken are deleted, and RocksDB would step over the tombstones of every
 * one of them on each scan from the start (52 ms per empty punctuation with a million
 * customers held, docs/benchmarks.md). One index per task; a new one (after a restart)
 * scans once from the start.
 */
public final class DueIndex {

	/** The due time of an entity with nothing due. */
	public static final long NOTHING_DUE = Long.MAX_VALUE;

	private static final String DUE_TIME_FORMAT = "%019d";

	private final KeyValueStore<String, String> store;

	/**
	 * No entry is due before this: the end of the last complete scan, or an earlier move.
	 */
	private long lowWaterMark = 0;

	public DueIndex(KeyValueStore<String, String> store) {
		this.store = store;
	}

	/** Moves the entity's entry from {@code previousDueAt} to {@code dueAt}. */
	public void move(String id, long previousDueAt, long dueAt) {
		if (previousDueAt == dueAt) {
			return;
		}
		if (previousDueAt != NOTHING_DUE) {
			this.store.delete(key(previousDueAt, id));
		}
		if (dueAt != NOTHING_DUE) {
			this.store.put(key(dueAt, id), "");
			this.lowWaterMark = Math.min(this.lowWaterMark, sortable(dueAt));
		}
	}

	/**
	 * Removes and returns, oldest first, at most {@code max} entities due at or before
	 * {@code now}; the caller gives each its next due time with {@link #move} from
	 * {@link #NOTHING_DUE}.
	 */
	public List<String> takeDue(long now, int max) {
		if (now < this.lowWaterMark) {
			// Nothing is due before the mark. The caller's time may go back (as
			// points-service's punctuation time does): never a range that ends before
			// it starts.
			return List.of();
		}
		List<KeyValue<String, String>> due = new ArrayList<>();
		try (KeyValueIterator<String, String> entries = this.store.range(key(this.lowWaterMark, ""),
				key(now, "\uffff"))) {
			while (entries.hasNext() && due.size() < max) {
				due.add(entries.next());
			}
		}
		List<String> ids = new ArrayList<>(due.size());
		for (KeyValue<String, String> entry : due) {
			this.store.delete(entry.key);
			ids.add(entry.key.substring(entry.key.indexOf('|') + 1));
		}
		// Everything up to now was taken, unless the scan stopped at max: then only up to
		// the time of the last entry taken (others may share it).
		this.lowWaterMark = (due.size() < max) ? now + 1 : Long.parseLong(due.getLast().key.substring(0, 19));
		return ids;
	}

	static String key(long dueAt, String id) {
		return DUE_TIME_FORMAT.formatted(sortable(dueAt)) + "|" + id;
	}

	/**
	 * A time before the epoch is due as at the epoch: {@code "-00..5"} would sort before
	 * every scan's start, and its digits in reverse order.
	 */
	private static long sortable(long dueAt) {
		return Math.max(0, dueAt);
	}

}
