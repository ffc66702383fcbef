package io.loyaltypulse.points.topology;

import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The newest event time the task applied, kept in the {@code points-schedule} store so
 * that it survives a restart (the dedup horizon and the punctuator count from it):
 * {@code appliedUntil = max(occurredAt of every applied event)}.
 * <p>
 * Its key sorts after every key of the due-time index that shares the store
 * ({@code "%019d(dueAt)|customerId"}, digits first), so no range of due times ever meets
 * it.
 */
final class AppliedUntil {

	static final String KEY = "~applied-until";

	private final KeyValueStore<String, String> store;

	private long appliedUntil;

	AppliedUntil(KeyValueStore<String, String> store) {
		this.store = store;
		String applied = store.get(KEY);
		this.appliedUntil = (applied != null) ? Long.parseLong(applied) : DedupHorizon.NOTHING_APPLIED;
	}

	/**
	 * The newest event time applied (epoch millis), or
	 * {@link DedupHorizon#NOTHING_APPLIED}.
	 */
	long get() {
		return this.appliedUntil;
	}

	/** Remembers that an event of this time was applied; time never goes back. */
	void applied(long occurredAt) {
		if (occurredAt > this.appliedUntil) {
			this.appliedUntil = occurredAt;
			this.store.put(KEY, Long.toString(occurredAt));
		}
	}

}
