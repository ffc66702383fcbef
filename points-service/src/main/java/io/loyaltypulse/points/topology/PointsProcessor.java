package io.loyaltypulse.points.topology;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
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
 * the wall clock, so that points of a quiet partition still expire on time. It never
 * advances past the wall clock, and an event stamped too far ahead of it
 * ({@code maxClockSkew}) goes to the dead-letter topic.
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

	private final long maxClockSkewMs;

	private final long maxPointsPerEvent;

	private final MeterRegistry metrics;

	private final Timer punctuationTimer;

	private ProcessorContext<String, SpecificRecord> context;

	private KeyValueStore<String, CustomerAccount> accounts;

	private KeyValueStore<String, String> schedule;

	private KeyValueStore<String, RecentTransaction> recent;

	private long lastRecordAtWallClock;

	PointsProcessor(PointsEngine engine, Duration punctuationInterval, Duration idleAdvance, int recentTransactions,
			Duration maxClockSkew, long maxPointsPerEvent, MeterRegistry metrics) {
		this.engine = engine;
		this.punctuationInterval = punctuationInterval;
		this.idleAdvance = idleAdvance;
		this.recentTransactions = recentTransactions;
		this.maxClockSkewMs = maxClockSkew.toMillis();
		this.maxPointsPerEvent = maxPointsPerEvent;
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
		rejectIfAheadOfTheWallClock(customerId, record.value());
		CustomerAccount account = this.accounts.get(customerId);
		if (account == null) {
			account = CustomerAccount.open(customerId);
		}
		List<SpecificRecord> changes;
		try {
			changes = this.engine.apply(account, record.value());
		}
		catch (ArithmeticException | DateTimeException ex) {
			// Absurd values (an amount or a date out of range) are bad data, not a bug:
			// dead-letter the record rather than stop the client on every restart. The
			// account read above is not stored: the half-applied event leaves no trace.
			throw new InvalidEventException("%s for customer %s has values out of range: %s"
				.formatted(record.value().getSchema().getName(), customerId, ex.getMessage()), ex);
		}
		rejectIfImplausible(customerId, changes);
		save(account);
		forward(customerId, changes);
		this.metrics.counter("points.events.processed", "type", record.value().getSchema().getName()).increment();
	}

	/**
	 * An event stamped further than {@code maxClockSkew} ahead of the wall clock would
	 * move the customer's account (and, through the punctuator, every account of the
	 * task) into the future: lots expire, tier periods end. It goes to the dead-letter
	 * topic instead.
	 */
	private void rejectIfAheadOfTheWallClock(String customerId, SpecificRecord event) {
		Object occurredAt = event.get(event.getSchema().getField("occurredAt").pos());
		if (!(occurredAt instanceof Instant at)) {
			throw new InvalidEventException(
					event.getSchema().getName() + " for customer " + customerId + " has no occurredAt");
		}
		long wallClock = this.context.currentSystemTimeMs();
		long limit = (this.maxClockSkewMs > Long.MAX_VALUE - wallClock) ? Long.MAX_VALUE
				: wallClock + this.maxClockSkewMs;
		if (at.isAfter(Instant.ofEpochMilli(limit))) {
			throw new InvalidEventException("%s for customer %s occurred at %s, more than %s ahead of the wall clock %s"
				.formatted(event.getSchema().getName(), customerId, at, Duration.ofMillis(this.maxClockSkewMs),
						Instant.ofEpochMilli(wallClock)));
		}
	}

	/**
	 * A purchase that earns more than {@code maxPointsPerEvent} has absurd quantities or
	 * prices: it goes to the dead-letter topic (the account is not stored).
	 */
	private void rejectIfImplausible(String customerId, List<SpecificRecord> changes) {
		for (SpecificRecord change : changes) {
			if (change instanceof PointsTransaction entry && entry.getKind() == PointsTransactionKind.EARN
					&& entry.getPoints() > this.maxPointsPerEvent) {
				throw new InvalidEventException(
						"purchase %s of customer %s would earn %d points, more than the %d allowed per event (loyalty.points.max-points-per-event)"
							.formatted(entry.getOrderId(), customerId, entry.getPoints(), this.maxPointsPerEvent));
			}
		}
	}

	private void punctuate(long wallClock) {
		long streamTime = this.context.currentStreamTimeMs();
		boolean idle = wallClock - this.lastRecordAtWallClock >= this.idleAdvance.toMillis();
		// Stream time is the highest record timestamp the task has seen, and a record
		// stamped in the future (a producer's clock, a bad occurredAt) moves it there for
		// good, even when that record is dead-lettered (max-clock-skew). The bound on the
		// wall clock is what protects every other customer of the task: their lots never
		// expire, and their tier periods never end, before they really fall due.
		long asOf = idle ? wallClock : Math.min(streamTime, wallClock);
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
