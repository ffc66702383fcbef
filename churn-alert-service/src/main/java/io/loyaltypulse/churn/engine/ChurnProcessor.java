package io.loyaltypulse.churn.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.loyaltypulse.churn.alerts.Alert;
import io.loyaltypulse.churn.alerts.AlertActions;
import io.loyaltypulse.churn.alerts.AlertLifecycle;
import io.loyaltypulse.churn.profile.CustomerProfile;
import io.loyaltypulse.churn.profile.InvalidEventException;
import io.loyaltypulse.churn.profile.ProfileUpdates;
import io.loyaltypulse.events.ChurnAlertActionOutcome;
import io.loyaltypulse.events.ChurnAlertActionRequested;
import io.loyaltypulse.support.streams.DueIndex;
import io.loyaltypulse.support.streams.PoisonRecordException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The single writer of a customer's profile and alerts. An event updates the profile and
 * brings the customer's check forward to {@code settle-delay} from now (wall clock), so
 * that a burst of events (a backfill, a purchase and its invoice) is judged once,
 * settled; an action is applied at once and answered. A wall-clock punctuator checks the
 * customers that fell due in the due-time index ({@link DueIndex}), never scanning all
 * customers, so a quiet partition still raises its alerts; each check reschedules the
 * customer for the next time something may change.
 */
final class ChurnProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

	/**
	 * Customers checked per punctuation at most, so a punctuation never stalls a task.
	 */
	static final int MAX_DUE_PER_PUNCTUATION = 10_000;

	private final ProfileUpdates updates;

	private final AlertLifecycle lifecycle;

	private final AlertActions actions;

	private final Duration settleDelay;

	private final Duration punctuationInterval;

	private final MeterRegistry metrics;

	private ProcessorContext<String, SpecificRecord> context;

	private KeyValueStore<String, CustomerProfile> profiles;

	private StoreAlertBook alerts;

	private DueIndex due;

	ChurnProcessor(ProfileUpdates updates, AlertLifecycle lifecycle, AlertActions actions, Duration settleDelay,
			Duration punctuationInterval, MeterRegistry metrics) {
		this.updates = updates;
		this.lifecycle = lifecycle;
		this.actions = actions;
		this.settleDelay = settleDelay;
		this.punctuationInterval = punctuationInterval;
		this.metrics = metrics;
	}

	@Override
	public void init(ProcessorContext<String, SpecificRecord> context) {
		this.context = context;
		this.profiles = context.getStateStore(ChurnTopology.PROFILES_STORE);
		this.alerts = new StoreAlertBook(context.getStateStore(ChurnTopology.ALERTS_STORE));
		this.due = new DueIndex(context.getStateStore(ChurnTopology.DUE_STORE));
		context.schedule(this.punctuationInterval, PunctuationType.WALL_CLOCK_TIME, this::checkDueCustomers);
	}

	@Override
	public void process(Record<String, SpecificRecord> record) {
		String customerId = record.key();
		SpecificRecord event = record.value();
		if (event == null || customerId == null
				|| !customerId.equals(event.get(event.getSchema().getField("customerId").pos()))) {
			throw new PoisonRecordException(((event != null) ? event.getSchema().getName() : "A tombstone")
					+ " is not keyed by its customerId");
		}
		Instant now = Instant.ofEpochMilli(this.context.currentSystemTimeMs());
		CustomerProfile profile = this.profiles.get(customerId);
		if (event instanceof ChurnAlertActionRequested action) {
			act(customerId, (profile != null) ? profile : new CustomerProfile(), action, now);
			return;
		}
		CustomerProfile updated = (profile != null) ? profile : new CustomerProfile();
		if (!apply(updated, event)) {
			this.metrics.counter("churn.events", "outcome", "unchanged").increment();
			return;
		}
		this.metrics.counter("churn.events", "outcome", "applied").increment();
		long checkAt = now.plus(this.settleDelay).toEpochMilli();
		if (checkAt < updated.dueAt()) {
			reschedule(customerId, updated, checkAt);
		}
		this.profiles.put(customerId, updated);
	}

	private boolean apply(CustomerProfile profile, SpecificRecord event) {
		try {
			return this.updates.apply(profile, event);
		}
		catch (InvalidEventException ex) {
			// The profile is read again from the store for the next event: this one
			// changed nothing that is kept.
			throw new PoisonRecordException(ex.getMessage(), ex);
		}
	}

	private void act(String customerId, CustomerProfile profile, ChurnAlertActionRequested action, Instant now) {
		AlertActions.Outcome outcome = this.actions.apply(action, profile, now, this.alerts);
		publish(customerId, outcome.events(), now);
		if (!outcome.events().isEmpty()) {
			reschedule(customerId, profile, this.lifecycle.nextCheck(profile, now, this.alerts));
			this.profiles.put(customerId, profile);
		}
		this.context.forward(new Record<>(customerId, outcomeOf(customerId, action, outcome, now), now.toEpochMilli()));
	}

	private void checkDueCustomers(long wallClock) {
		Instant now = Instant.ofEpochMilli(wallClock);
		List<String> dueCustomers = this.due.takeDue(wallClock, MAX_DUE_PER_PUNCTUATION);
		for (String customerId : dueCustomers) {
			CustomerProfile profile = this.profiles.get(customerId);
			if (profile == null) {
				continue;
			}
			// Its entry left the index with takeDue.
			profile.dueAt(CustomerProfile.NEVER);
			publish(customerId, this.lifecycle.check(customerId, profile, now, this.alerts), now);
			reschedule(customerId, profile, this.lifecycle.nextCheck(profile, now, this.alerts));
			this.profiles.put(customerId, profile);
		}
		this.metrics.counter("churn.checks").increment(dueCustomers.size());
	}

	private void reschedule(String customerId, CustomerProfile profile, long dueAt) {
		this.due.move(customerId, profile.dueAt(), dueAt);
		profile.dueAt(dueAt);
	}

	private void publish(String customerId, List<SpecificRecord> events, Instant now) {
		for (SpecificRecord event : events) {
			this.context.forward(new Record<>(customerId, event, now.toEpochMilli()));
		}
	}

	private static ChurnAlertActionOutcome outcomeOf(String customerId, ChurnAlertActionRequested action,
			AlertActions.Outcome outcome, Instant now) {
		Alert alert = outcome.alert();
		return ChurnAlertActionOutcome.newBuilder()
			.setEventId(action.getEventId() + ":outcome:" + action.getAttemptId())
			.setCustomerId(customerId)
			.setOccurredAt(now)
			.setRequestId(action.getEventId())
			.setAttemptId(action.getAttemptId())
			.setStatus(outcome.status())
			.setExplanation(outcome.explanation())
			.setAlert((alert != null) ? alert.snapshot() : null)
			.build();
	}

}
