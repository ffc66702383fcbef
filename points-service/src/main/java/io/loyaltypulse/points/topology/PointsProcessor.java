package io.loyaltypulse.points.topology;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.points.InvalidEventException;
import io.loyaltypulse.points.ledger.CustomerAccount;
import io.loyaltypulse.points.ledger.OrderRecord;
import io.loyaltypulse.points.ledger.PointsEngine;
import io.loyaltypulse.points.ledger.RequestRecord;
import io.loyaltypulse.support.streams.DueIndex;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The single writer of every customer's points: admits the event ({@link EventEnvelope},
 * {@link ClockSkewLimit}, {@link DedupHorizon}), reads the account, lets the
 * {@link PointsEngine} apply the event, checks what it wrote
 * ({@link PointsPerEventLimit}), stores the account and forwards what changed, all in the
 * task's exactly-once transaction. A refused event goes to the dead-letter topic and
 * changes nothing.
 *
 * <p>
 * A wall-clock punctuator applies what falls due without an input event (expiry, tier
 * period ends, warnings), from the due-time index in the {@code points-schedule} store
 * ({@link DueIndex}, which also holds {@link AppliedUntil}), as of the
 * {@link PunctuationTime}. It advances accounts to the newest event time the task applied
 * ({@code appliedUntil}, like stream time but not moved by a dead-lettered record) less
 * the allowed lateness while records flow, so that replaying a topic produces the same
 * ledger however fast it is replayed, as long as no event arrives later than that; only
 * when the task has been idle for {@code idleAdvance} (caught up: nothing older can still
 * be waiting) does it advance to the wall clock (less the lateness), so that points of a
 * quiet partition still expire. It never advances past the wall clock, and an event
 * stamped too far ahead of it ({@code maxClockSkew}) goes to the dead-letter topic.
 *
 * <p>
 * An event older than {@code appliedUntil} less the retention of what recognises it as a
 * duplicate goes to the dead-letter topic too: it could be a forgotten duplicate that
 * would be counted again.
 */
final class PointsProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

	/**
	 * Accounts advanced per punctuation at most, so a punctuation never stalls a task.
	 */
	static final int MAX_ACCOUNTS_PER_PUNCTUATION = 10_000;

	private final PointsEngine engine;

	private final PointsTopology.Options options;

	private final ClockSkewLimit clockSkewLimit;

	private final DedupHorizon dedupHorizon;

	private final PointsPerEventLimit pointsPerEventLimit;

	private final PunctuationTime punctuationTime;

	private final MeterRegistry metrics;

	private final Timer punctuationTimer;

	private ProcessorContext<String, SpecificRecord> context;

	private KeyValueStore<String, CustomerAccount> accounts;

	private DueIndex due;

	private AppliedUntil appliedUntil;

	private WindowStore<String, Long> processed;

	private WindowStore<String, OrderRecord> orders;

	private WindowStore<String, RequestRecord> requests;

	private WindowStore<String, RecentTransaction> transactions;

	private long lastRecordAtWallClock;

	PointsProcessor(PointsEngine engine, PointsTopology.Options options, MeterRegistry metrics) {
		this.engine = engine;
		this.options = options;
		this.clockSkewLimit = new ClockSkewLimit(options.maxClockSkew());
		this.dedupHorizon = new DedupHorizon(options.orderRetention(), options.dedupRetention());
		this.pointsPerEventLimit = new PointsPerEventLimit(options.maxPointsPerEvent());
		this.punctuationTime = new PunctuationTime(options.idleAdvance(), options.allowedLateness());
		this.metrics = metrics;
		this.punctuationTimer = Timer.builder("points.punctuation.duration")
			.description("Time one punctuation takes to apply what fell due (expiry, tiers)")
			.register(metrics);
	}

	@Override
	public void init(ProcessorContext<String, SpecificRecord> context) {
		this.context = context;
		this.accounts = context.getStateStore(PointsTopology.ACCOUNTS_STORE);
		KeyValueStore<String, String> schedule = context.getStateStore(PointsTopology.SCHEDULE_STORE);
		// No migration: the store written before DueIndex (by DueSchedule) already holds
		// DueIndex's keys, "%019d(dueAt)|customerId", in the same order; only its values
		// were the customer id, and DueIndex reads keys alone. Deployed stores and their
		// changelogs are read as they are.
		this.due = new DueIndex(schedule);
		this.appliedUntil = new AppliedUntil(schedule);
		this.processed = context.getStateStore(PointsTopology.PROCESSED_STORE);
		this.orders = context.getStateStore(PointsTopology.ORDERS_STORE);
		this.requests = context.getStateStore(PointsTopology.REQUESTS_STORE);
		this.transactions = context.getStateStore(PointsTopology.TRANSACTIONS_STORE);
		this.lastRecordAtWallClock = context.currentSystemTimeMs();
		context.schedule(this.options.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
	}

	@Override
	public void process(Record<String, SpecificRecord> record) {
		long wallClock = this.context.currentSystemTimeMs();
		this.lastRecordAtWallClock = wallClock;
		String customerId = record.key();
		SpecificRecord event = record.value();
		Instant occurredAt = EventEnvelope.check(customerId, event);
		this.clockSkewLimit.check(customerId, event, occurredAt, wallClock);
		long appliedUntil = this.appliedUntil.get();
		this.dedupHorizon.check(customerId, event, occurredAt, appliedUntil);
		CustomerAccount account = this.accounts.get(customerId);
		if (account == null) {
			account = CustomerAccount.open(customerId);
		}
		StoreBackedHistory history = new StoreBackedHistory(customerId, this.processed, this.orders, this.requests,
				this.dedupHorizon.ordersFrom(appliedUntil), this.dedupHorizon.idsFrom(appliedUntil));
		List<SpecificRecord> changes = apply(customerId, account, history, event);
		this.pointsPerEventLimit.check(customerId, changes);
		history.flush();
		forward(account, changes);
		save(account);
		this.appliedUntil.applied(occurredAt.toEpochMilli());
		this.metrics.counter("points.events.processed", "type", event.getSchema().getName()).increment();
	}

	private List<SpecificRecord> apply(String customerId, CustomerAccount account, StoreBackedHistory history,
			SpecificRecord event) {
		try {
			return this.engine.apply(account, history, event);
		}
		catch (ArithmeticException | DateTimeException ex) {
			// Absurd values (an amount or a date out of range) are bad data, not a bug:
			// dead-letter the record rather than stop the client on every restart. The
			// account read above is not stored: the half-applied event leaves no trace.
			throw new InvalidEventException("%s for customer %s has values out of range: %s"
				.formatted(event.getSchema().getName(), customerId, ex.getMessage()), ex);
		}
	}

	private void punctuate(long wallClock) {
		this.punctuationTime.asOf(wallClock, this.lastRecordAtWallClock, this.appliedUntil.get())
			.ifPresent((asOf) -> this.punctuationTimer.record(() -> advanceDueAccounts(asOf)));
	}

	private void advanceDueAccounts(long asOf) {
		List<String> dueCustomers = this.due.takeDue(asOf, MAX_ACCOUNTS_PER_PUNCTUATION);
		for (String customerId : dueCustomers) {
			CustomerAccount account = this.accounts.get(customerId);
			if (account == null) {
				continue;
			}
			// Its entry left the index with takeDue.
			account.scheduledAt(DueIndex.NOTHING_DUE);
			List<SpecificRecord> changes = this.engine.advance(account, Instant.ofEpochMilli(asOf));
			forward(account, changes);
			save(account);
		}
		this.metrics.counter("points.punctuation.accounts").increment(dueCustomers.size());
	}

	private void save(CustomerAccount account) {
		long dueAt = this.engine.nextDue(account);
		this.due.move(account.customerId(), account.scheduledAt(), dueAt);
		account.scheduledAt(dueAt);
		this.accounts.put(account.customerId(), account);
	}

	/**
	 * Forwards the changes and keeps the ledger entries for the transactions query, each
	 * under a time strictly after the customer's previous entry: the store's time order
	 * is then the ledger's order even when an entry takes effect earlier than the one
	 * before (an expiry applied by a later event), and no two entries share a key.
	 */
	private void forward(CustomerAccount account, List<SpecificRecord> changes) {
		for (SpecificRecord change : changes) {
			long timestamp = ((Instant) change.get(change.getSchema().getField("occurredAt").pos())).toEpochMilli();
			if (change instanceof PointsTransaction entry) {
				long storedAt = Math.max(account.lastEntryStoredAt() + 1, timestamp);
				this.transactions.put(account.customerId(), RecentTransaction.of(entry), storedAt);
				account.lastEntryStoredAt(storedAt);
				this.metrics.counter("points.ledger.entries", "kind", entry.getKind().name()).increment();
			}
			this.context.forward(new Record<>(account.customerId(), change, timestamp));
		}
	}

}
