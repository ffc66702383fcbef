package io.loyaltypulse.survey.engine;

import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.support.streams.DueIndex;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Rewrites the invitation index's keys of the release before {@link DueIndex},
 * {@code "%013d(dueAt)|customerId"}, as {@link DueIndex} keys of the same due time:
 * {@code legacy(t, c) -> index.move(c, NOTHING_DUE, t)}.
 * <p>
 * Why a rewrite when a task starts, and not an index that reads both widths: the old keys
 * sort after every {@link DueIndex} key of the same time ({@code "1764..."} after
 * {@code "0000001764..."}), so {@link DueIndex} would never reach them, and reading both
 * forever would keep a second, unbounded scan in every punctuation. Rewritten once, the
 * index has one format, and the rewrite is safe through a crash:
 * <ul>
 * <li>it runs in {@code init}, before the first punctuation can look for due
 * entries;</li>
 * <li>its writes go to the store's changelog in the task's exactly-once transaction: a
 * crash before the commit leaves the old keys, restored from the changelog, and the
 * rewrite runs again;</li>
 * <li>each entry is put in the new format before its old key is deleted, so even a
 * partial rewrite (at-least-once) loses nothing, and an entry found in both formats is
 * one key after the next rewrite;</li>
 * <li>it is idempotent: a store with no old keys is left as it is. It runs on every
 * start, not once behind a marker, so that old keys written by an instance of the old
 * release during a rolling upgrade are rewritten when the task comes back.</li>
 * </ul>
 * An index entry only wakes the customer up: whether an invitation is sent is decided by
 * the customer's record, so no entry can send an invitation twice. The cost when a task
 * starts is a look at where old keys can be, not a pass over the index; remove this class
 * in the release after every deployed store has been rewritten.
 */
final class LegacyDueKeys {

	/**
	 * Where old keys can be, without stepping over the index's own entries and
	 * tombstones: due times from 2001 on ({@code "1..."} to {@code "9..."}; an index key
	 * starts with {@code "000000"}), and those the old release clamped to 0.
	 */
	private static final String[][] LEGACY_RANGES = { { "1", ":" }, { "0000000000000|", "0000000000000|\uffff" } };

	/** Where the '|' of a {@link DueIndex} key is: after 19 digits. */
	private static final int DUE_INDEX_SEPARATOR = 19;

	private LegacyDueKeys() {
	}

	/**
	 * Rewrites every key of the old format in the store as a key of the index.
	 * @return how many were rewritten
	 */
	static int rewrite(KeyValueStore<String, String> store, DueIndex index) {
		List<String> legacy = new ArrayList<>();
		for (String[] range : LEGACY_RANGES) {
			try (KeyValueIterator<String, String> entries = store.range(range[0], range[1])) {
				while (entries.hasNext()) {
					KeyValue<String, String> entry = entries.next();
					int separator = entry.key.indexOf('|');
					if (separator != DUE_INDEX_SEPARATOR && separator > 0) {
						legacy.add(entry.key);
					}
				}
			}
		}
		for (String key : legacy) {
			int separator = key.indexOf('|');
			index.move(key.substring(separator + 1), DueIndex.NOTHING_DUE, Long.parseLong(key.substring(0, separator)));
			store.delete(key);
		}
		return legacy.size();
	}

}
