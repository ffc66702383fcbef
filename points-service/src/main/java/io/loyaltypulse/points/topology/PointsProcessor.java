package io.loyaltypulse.points.topology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.points.InvalidEventException;
import io.loyaltypulse.points.ledger.CustomerAccount;
import io.loyaltypulse.points.ledger.PointsEngine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The single writer of every customer's points: reads the account, lets the
 * {@link PointsEngine} apply the event, stores the account and forwards what changed, all
 * in the task's exactly-once transaction.
 *
 * <p>
 * A wall-clock punctuator applies what falls due without an input event (expiry, tier
 * period ends, warnings), from the {@code points-schedule} store. It advances accounts to
 * the task's <em>stream time</em> while records flow, so that replaying a topic produces
 * the same ledger however fast it is replayed; only when the task has been idle for
 * {@code idleAdvance} (caught up: nothing older can still be waiting) does it advance to
 * the wall clock, so that points of a quiet partition still expire on time.
 */
final class PointsProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

	/**
	 * Accounts advanced per punctuation at most, so a punctuation never stalls a task.
	 */
	static final int MAX_ACCOUNTS_PER_PUNCTUATION = 10_000;

	private static final String SCHEDULE_KEY_FORMAT = "%019d";

	private final PointsEngine engine;

	private final Duration punctuationInterval;

	private final Duration idleAdvance;

	private final int recentTransactions;

	private final MeterRegistry metrics;

	private final Timer punctuationTimer;

	private ProcessorContext<String, SpecificRecord> context;

	private KeyValueStore<String, CustomerAccount> accounts;

	private KeyValueStore<String, String> schedule;

	private KeyValueStore<String, RecentTransaction> recent;

	private long lastRecordAtWallClock;

	PointsProcessor(PointsEngine engine, Duration punctuationInterval, Duration idleAdvance, int recentTransactions,
			MeterRegistry metrics) {
		this.engine = engine;
		this.punctuationInterval = punctuationInterval;
		this.idleAdvance = idleAdvance;
		this.recentTransactions = recentTransactions;
		this.metrics = metrics;
		this.punctuationTimer = Timer.builder("points.punctuation.duration")
			.description("Time one punctuation takes to apply what fell due (expiry, tiers)")
			.register(metrics);
	}

	@Override
	public void init(ProcessorContext<String, SpecificRecord> context) {
		this.context = context;
		this.accounts = context.getStateStore(PointsTopology.ACCOUNTS_STORE);
		this.schedule = context.getStateStore(PointsTopology.SCHEDULE_STORE);
		this.recent = context.getStateStore(PointsTopology.RECENT_TRANSACTIONS_STORE);
		this.lastRecordAtWallClock = context.currentSystemTimeMs();
		context.schedule(this.punctuationInterval, PunctuationType.WALL_CLOCK_TIME, this::punctuate);
	}

	@Override
	public void process(Record<String, SpecificRecord> record) {
		this.lastRecordAtWallClock = this.context.currentSystemTimeMs();
		String customerId = record.key();
		if (customerId == null || customerId.isBlank()) {
			throw new InvalidEventException("record without a customer id key");
		}
		if (record.value() == null) {
			throw new InvalidEventException("tombstone on an event topic for customer " + customerId);
		}
		Object eventCustomer = record.value().get(record.value().getSchema().getField("customerId").pos());
		if (!customerId.equals(String.valueOf(eventCustomer))) {
			throw new InvalidEventException(
					"record key " + customerId + " differs from the event's customerId " + eventCustomer);
		}
		CustomerAccount account = this.accounts.get(customerId);
		if (account == null) {
			account = CustomerAccount.open(customerId);
		}
		List<SpecificRecord> changes = this.engine.apply(account, record.value());
		save(account);
		forward(customerId, changes);
		this.metrics.counter("points.events.processed", "type", record.value().getSchema().getName()).increment();
	}

	private void punctuate(long wallClock) {
		long streamTime = this.context.currentStreamTimeMs();
		boolean idle = wallClock - this.lastRecordAtWallClock >= this.idleAdvance.toMillis();
		long asOf = idle ? Math.max(streamTime, wallClock) : streamTime;
		if (asOf <= 0) {
			return;
		}
		this.punctuationTimer.record(() -> advanceDueAccounts(asOf));
	}

	private void advanceDueAccounts(long asOf) {
		List<KeyValue<String, String>> due = new ArrayList<>();
		try (KeyValueIterator<String, String> entries = this.schedule.range(SCHEDULE_KEY_FORMAT.formatted(0),
				SCHEDULE_KEY_FORMAT.formatted(asOf + 1))) {
			while (entries.hasNext() && due.size() < MAX_ACCOUNTS_PER_PUNCTUATION) {
				due.add(entries.next());
			}
		}
		for (KeyValue<String, String> entry : due) {
			CustomerAccount account = this.accounts.get(entry.value);
			if (account == null) {
				this.schedule.delete(entry.key);
				continue;
			}
			List<SpecificRecord> changes = this.engine.advance(account, Instant.ofEpochMilli(asOf));
			save(account);
			forward(entry.value, changes);
		}
		this.metrics.counter("points.punctuation.accounts").increment(due.size());
	}

	private void save(CustomerAccount account) {
		long due = this.engine.nextDue(account);
		if (due != account.scheduledAt()) {
			if (account.scheduledAt() != Long.MAX_VALUE) {
				this.schedule.delete(scheduleKey(account.scheduledAt(), account.customerId()));
			}
			if (due != Long.MAX_VALUE) {
				this.schedule.put(scheduleKey(due, account.customerId()), account.customerId());
			}
			account.scheduledAt(due);
		}
		this.accounts.put(account.customerId(), account);
	}

	private void forward(String customerId, List<SpecificRecord> changes) {
		for (SpecificRecord change : changes) {
			long timestamp = ((Instant) change.get(change.getSchema().getField("occurredAt").pos())).toEpochMilli();
			if (change instanceof PointsTransaction entry) {
				remember(entry);
				this.metrics.counter("points.ledger.entries", "kind", entry.getKind().name()).increment();
			}
			this.context.forward(new Record<>(customerId, change, timestamp));
		}
	}

	private void remember(PointsTransaction entry) {
		this.recent.put(recentKey(entry.getCustomerId(), entry.getSequence()), RecentTransaction.of(entry));
		long forgotten = entry.getSequence() - this.recentTransactions;
		if (forgotten > 0) {
			this.recent.delete(recentKey(entry.getCustomerId(), forgotten));
		}
	}

	static String scheduleKey(long dueAt, String customerId) {
		return SCHEDULE_KEY_FORMAT.formatted(dueAt) + "|" + customerId;
	}

	static String recentKey(String customerId, long sequence) {
		return customerId + "|" + SCHEDULE_KEY_FORMAT.formatted(sequence);
	}

}
