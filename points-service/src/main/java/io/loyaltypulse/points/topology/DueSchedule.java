package io.loyaltypulse.points.topology;

import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.points.ledger.CustomerAccount;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The {@code points-schedule} store: accounts by when they next have something due, so
 * the punctuator reads the due ones and never scans all accounts:
 * {@code "%019d(dueAt)|customerId" -> customerId}, one entry per account with anything
 * due.
 *
 * <p>
 * It also keeps {@code appliedUntil}, the newest event time the task applied, under a key
 * that sorts after every due time, so that it survives a restart (the dedup horizon and
 * the punctuator count from it) and no range of due times ever meets it.
 */
final class DueSchedule {

	static final String APPLIED_UNTIL_KEY = "~applied-until";

	private static final String DUE_TIME_FORMAT = "%019d";

	private final KeyValueStore<String, String> store;

	private long appliedUntil;

	DueSchedule(KeyValueStore<String, String> store) {
		this.store = store;
		String applied = store.get(APPLIED_UNTIL_KEY);
		this.appliedUntil = (applied != null) ? Long.parseLong(applied) : DedupHorizon.NOTHING_APPLIED;
	}

	/**
	 * The newest event time applied (epoch millis), or
	 * {@link DedupHorizon#NOTHING_APPLIED}.
	 */
	long appliedUntil() {
		return this.appliedUntil;
	}

	/** Remembers that an event of this time was applied; time never goes back. */
	void applied(long occurredAt) {
		if (occurredAt > this.appliedUntil) {
			this.appliedUntil = occurredAt;
			this.store.put(APPLIED_UNTIL_KEY, Long.toString(occurredAt));
		}
	}

	/**
	 * Registers the account under its new due time (Long.MAX_VALUE: nothing due) in place
	 * of the one it had; the account remembers which that is.
	 */
	void reschedule(CustomerAccount account, long dueAt) {
		if (dueAt == account.scheduledAt()) {
			return;
		}
		if (account.scheduledAt() != Long.MAX_VALUE) {
			this.store.delete(key(account.scheduledAt(), account.customerId()));
		}
		if (dueAt != Long.MAX_VALUE) {
			this.store.put(key(dueAt, account.customerId()), account.customerId());
		}
		account.scheduledAt(dueAt);
	}

	/** The accounts due at {@code asOf} or before, soonest first, at most {@code max}. */
	List<Due> dueBy(long asOf, int max) {
		List<Due> due = new ArrayList<>();
		try (KeyValueIterator<String, String> entries = this.store.range(DUE_TIME_FORMAT.formatted(0),
				DUE_TIME_FORMAT.formatted(asOf + 1))) {
			while (entries.hasNext() && due.size() < max) {
				KeyValue<String, String> entry = entries.next();
				due.add(new Due(entry.key, entry.value));
			}
		}
		return due;
	}

	/** Drops an entry whose account is gone. */
	void forget(Due due) {
		this.store.delete(due.key());
	}

	static String key(long dueAt, String customerId) {
		return DUE_TIME_FORMAT.formatted(dueAt) + "|" + customerId;
	}

	/** An account that is due, under its key in the store. */
	record Due(String key, String customerId) {
	}

}
