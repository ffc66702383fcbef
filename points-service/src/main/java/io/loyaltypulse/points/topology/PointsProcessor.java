package io.loyaltypulse.points.topology;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.points.InvalidEventException;
import io.loyaltypulse.points.ledger.CustomerAccount;
import io.loyaltypulse.points.ledger.OrderRecord;
import io.loyaltypulse.points.ledger.PointsEngine;
import io.loyaltypulse.points.ledger.RequestRecord;
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
import org.apache.kafka.streams.state.WindowStore;

/**
 * The single writer of every customer's points: reads the account, lets the
 * {@link PointsEngine} apply the event, stores the account and forwards what changed, all
 * in the task's exactly-once transaction.
 *
 * <p>
 * A wall-clock punctuator applies what falls due without an input event (expiry, tier
 * period ends, warnings), from the {@code points-schedule} store. It advances accounts to
 * the newest event time the task applied ({@code appliedUntil}, like stream time but not
 * moved by a dead-lettered record) less the allowed lateness while records flow, so that
 * replaying a topic produces the same ledger however fast it is replayed, as long as no
 * event arrives later than that; only when the task has been idle for {@code idleAdvance}
 * (caught up: nothing older can still be waiting) does it advance to the wall clock (less
 * the lateness), so that points of a quiet partition still expire. It never advances past
 * the wall clock, and an event stamped too far ahead of it ({@code maxClockSkew}) goes to
 * the dead-letter topic.
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

	private static final String SCHEDULE_KEY_FORMAT = "%019d";

	/**
	 * Where {@code appliedUntil} is kept, in the schedule store: it sorts after every
	 * due-time key, so the punctuator's range never meets it.
	 */
	static final String APPLIED_UNTIL_KEY = "~applied-until";

	private final PointsEngine engine;

	private final PointsTopology.Options options;

	private final MeterRegistry metrics;

	private final Timer punctuationTimer;

	private ProcessorContext<String, SpecificRecord> context;

	private KeyValueStore<String, CustomerAccount> accounts;

	private KeyValueStore<String, String> schedule;

	private WindowStore<String, Long> processed;

	private WindowStore<String, OrderRecord> orders;

	private WindowStore<String, RequestRecord> requests;

	private WindowStore<String, RecentTransaction> transactions;

	private long lastRecordAtWallClock;

	/**
	 * The latest occurredAt of an event the task applied: the newest time its history
	 * stores hold, so the time their retention counts back from. Unlike stream time, a
	 * dead-lettered record (stamped in the future, say) does not move it.
	 */
	private long appliedUntil;

	PointsProcessor(PointsEngine engine, PointsTopology.Options options, MeterRegistry metrics) {
		this.engine = engine;
		this.options = options;
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
		this.processed = context.getStateStore(PointsTopology.PROCESSED_STORE);
		this.orders = context.getStateStore(PointsTopology.ORDERS_STORE);
		this.requests = context.getStateStore(PointsTopology.REQUESTS_STORE);
		this.transactions = context.getStateStore(PointsTopology.TRANSACTIONS_STORE);
		this.lastRecordAtWallClock = context.currentSystemTimeMs();
		String applied = this.schedule.get(APPLIED_UNTIL_KEY);
		this.appliedUntil = (applied != null) ? Long.parseLong(applied) : Long.MIN_VALUE;
		context.schedule(this.options.punctuationInterval(), PunctuationType.WALL_CLOCK_TIME, this::punctuate);
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
		Instant occurredAt = occurredAt(customerId, record.value());
		rejectIfAheadOfTheWallClock(customerId, record.value(), occurredAt);
		rejectIfTooOldToDeduplicate(customerId, record.value(), occurredAt);
		CustomerAccount account = this.accounts.get(customerId);
		if (account == null) {
			account = CustomerAccount.open(customerId);
		}
		StoreBackedHistory history = new StoreBackedHistory(customerId, this.processed, this.orders, this.requests,
				rememberedFrom(this.options.orderRetention()), rememberedFrom(this.options.dedupRetention()));
		List<SpecificRecord> changes;
		try {
			changes = this.engine.apply(account, history, record.value());
		}
		catch (ArithmeticException | DateTimeException ex) {
			// Absurd values (an amount or a date out of range) are bad data, not a bug:
			// dead-letter the record rather than stop the client on every restart. The
			// account read above is not stored: the half-applied event leaves no trace.
			throw new InvalidEventException("%s for customer %s has values out of range: %s"
				.formatted(record.value().getSchema().getName(), customerId, ex.getMessage()), ex);
		}
		rejectIfImplausible(customerId, changes);
		history.flush();
		forward(account, changes);
		save(account);
		if (occurredAt.toEpochMilli() > this.appliedUntil) {
			this.appliedUntil = occurredAt.toEpochMilli();
			this.schedule.put(APPLIED_UNTIL_KEY, Long.toString(this.appliedUntil));
		}
		this.metrics.counter("points.events.processed", "type", record.value().getSchema().getName()).increment();
	}

	/**
	 * An event stamped further than {@code maxClockSkew} ahead of the wall clock would
	 * move the customer's account (and, through the punctuator, every account of the
	 * task) into the future: lots expire, tier periods end. It goes to the dead-letter
	 * topic instead.
	 */
	private void rejectIfAheadOfTheWallClock(String customerId, SpecificRecord event, Instant at) {
		long wallClock = this.context.currentSystemTimeMs();
		long maxClockSkew = this.options.maxClockSkew().toMillis();
		long limit = (maxClockSkew > Long.MAX_VALUE - wallClock) ? Long.MAX_VALUE : wallClock + maxClockSkew;
		if (at.isAfter(Instant.ofEpochMilli(limit))) {
			throw new InvalidEventException("%s for customer %s occurred at %s, more than %s ahead of the wall clock %s"
				.formatted(event.getSchema().getName(), customerId, at, this.options.maxClockSkew(),
						Instant.ofEpochMilli(wallClock)));
		}
	}

	/**
	 * An event is recognised as a duplicate by what the history stores remember of it:
	 * purchases and refunds by their order's record (kept for the order retention), the
	 * others by their id (kept for the dedup retention). The stores forget what is older
	 * than that behind the newest time they hold, {@code appliedUntil}; an event older
	 * than that could therefore be a forgotten duplicate, and is dead-lettered instead of
	 * risking a second credit.
	 */
	private void rejectIfTooOldToDeduplicate(String customerId, SpecificRecord event, Instant at) {
		boolean byOrder = event instanceof PurchaseCompleted || event instanceof PurchaseRefunded;
		Duration retention = byOrder ? this.options.orderRetention() : this.options.dedupRetention();
		long horizon = rememberedFrom(retention) - 1;
		if (at.toEpochMilli() <= horizon) {
			throw new InvalidEventException(
					"%s for customer %s occurred at %s, before %s: older than the %s (%s, loyalty.points.%s), so it cannot be told from a duplicate"
						.formatted(event.getSchema().getName(), customerId, at, Instant.ofEpochMilli(horizon),
								byOrder ? "order retention" : "dedup retention", retention,
								byOrder ? "order-retention" : "dedup-retention"));
		}
	}

	/**
	 * The oldest time the history stores still remember for a retention: the horizon is
	 * counted back from {@code appliedUntil}, which is persisted, so a look-up finds the
	 * same after a restart or in a replay.
	 */
	private long rememberedFrom(Duration retention) {
		if (this.appliedUntil == Long.MIN_VALUE) {
			return 0;
		}
		return Math.max(0, this.appliedUntil - retention.toMillis() + 1);
	}

	private static Instant occurredAt(String customerId, SpecificRecord event) {
		if (!(event.get(event.getSchema().getField("occurredAt").pos()) instanceof Instant at)) {
			throw new InvalidEventException(
					event.getSchema().getName() + " for customer " + customerId + " has no occurredAt");
		}
		return at;
	}

	/**
	 * A purchase that earns more than {@code maxPointsPerEvent} has absurd quantities or
	 * prices: it goes to the dead-letter topic (the account is not stored).
	 */
	private void rejectIfImplausible(String customerId, List<SpecificRecord> changes) {
		for (SpecificRecord change : changes) {
			if (change instanceof PointsTransaction entry && entry.getKind() == PointsTransactionKind.EARN
					&& entry.getPoints() > this.options.maxPointsPerEvent()) {
				throw new InvalidEventException(
						"purchase %s of customer %s would earn %d points, more than the %d allowed per event (loyalty.points.max-points-per-event)"
							.formatted(entry.getOrderId(), customerId, entry.getPoints(),
									this.options.maxPointsPerEvent()));
			}
		}
	}

	private void punctuate(long wallClock) {
		boolean idle = wallClock - this.lastRecordAtWallClock >= this.options.idleAdvance().toMillis();
		// The time of the events applied, not stream time: a dead-lettered record
		// stamped in the future (a producer's clock, a bad occurredAt) moves stream time
		// there for good. The bound on the wall clock protects every other customer of
		// the task all the same: their lots never expire, and their tier periods never
		// end, before they really fall due.
		if (!idle && this.appliedUntil == Long.MIN_VALUE) {
			return;
		}
		long asOf = (idle ? wallClock : Math.min(this.appliedUntil, wallClock))
				- this.options.allowedLateness().toMillis();
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
			forward(account, changes);
			save(account);
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

	static String scheduleKey(long dueAt, String customerId) {
		return SCHEDULE_KEY_FORMAT.formatted(dueAt) + "|" + customerId;
	}

}
