package io.loyaltypulse.survey.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import io.loyaltypulse.events.ComplaintFiled;
import io.loyaltypulse.events.ComplaintResolved;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.SurveyInvitationDue;
import io.loyaltypulse.support.streams.DueIndex;
import io.loyaltypulse.support.streams.PoisonRecordException;
import io.loyaltypulse.survey.invitations.CustomerInvitations;
import io.loyaltypulse.survey.invitations.InvitationPolicy;
import io.loyaltypulse.survey.invitations.PendingInvitation;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Post-purchase survey invitations ({@link InvitationPolicy}): a purchase makes one due,
 * a complaint is open until resolved, and a wall-clock punctuator sends what fell due
 * from a due-time index ({@link DueIndex}, read in time order up to the wall clock),
 * never a scan of all customers. The index also holds the time a customer may be
 * forgotten (min-interval after the last invitation), so that the state of a customer
 * lasts only as long as a rule needs it: an entry only wakes the customer up, their
 * record says what is due, so a customer may have an entry for each.
 */
final class InvitationProcessor implements Processor<String, SpecificRecord, String, SurveyInvitationDue> {

	/**
	 * Index entries handled per punctuation at most, so a punctuation never stalls a
	 * task.
	 */
	static final int MAX_DUE_PER_PUNCTUATION = 10_000;

	static final String TOUCHPOINT = "POST_PURCHASE";

	private static final Logger logger = LoggerFactory.getLogger(InvitationProcessor.class);

	private final InvitationPolicy policy;

	private final Duration punctuationInterval;

	private final MeterRegistry metrics;

	private ProcessorContext<String, SurveyInvitationDue> context;

	private KeyValueStore<String, CustomerInvitations> customers;

	private DueIndex due;

	InvitationProcessor(InvitationPolicy policy, Duration punctuationInterval, MeterRegistry metrics) {
		this.policy = policy;
		this.punctuationInterval = punctuationInterval;
		this.metrics = metrics;
	}

	@Override
	public void init(ProcessorContext<String, SurveyInvitationDue> context) {
		this.context = context;
		this.customers = context.getStateStore(InvitationTopology.CUSTOMERS_STORE);
		KeyValueStore<String, String> dueStore = context.getStateStore(InvitationTopology.DUE_STORE);
		this.due = new DueIndex(dueStore);
		// Before the first punctuation: the keys of the release before DueIndex would
		// never be found by it (LegacyDueKeys says why this is safe through a crash).
		int rewritten = LegacyDueKeys.rewrite(dueStore, this.due);
		if (rewritten > 0) {
			logger.info("Rewrote {} invitation index entries of task {} as due-index keys", rewritten,
					context.taskId());
		}
		context.schedule(this.punctuationInterval, PunctuationType.WALL_CLOCK_TIME, this::punctuate);
	}

	@Override
	public void process(Record<String, SpecificRecord> record) {
		String customerId = record.key();
		SpecificRecord event = record.value();
		if (event == null || !customerId.equals(event.get(event.getSchema().getField("customerId").pos()))) {
			throw new PoisonRecordException(((event != null) ? event.getSchema().getName() : "A tombstone")
					+ " is not keyed by its customerId");
		}
		CustomerInvitations customer = current(customerId);
		if (event instanceof PurchaseCompleted purchase) {
			Optional<PendingInvitation> pending = this.policy.schedule(customer, pendingOf(purchase),
					Instant.ofEpochMilli(this.context.currentSystemTimeMs()));
			if (pending.isEmpty()) {
				return;
			}
			customer = customer.withPending(pending.get());
			wakeUpAt(pending.get().dueAt(), customerId);
		}
		else if (event instanceof ComplaintFiled complaint) {
			customer = customer.complaintFiled(complaint.getComplaintId());
		}
		else if (event instanceof ComplaintResolved resolution) {
			customer = customer.complaintResolved(resolution.getComplaintId());
		}
		else {
			// A refund changes nothing here.
			return;
		}
		save(customerId, customer, Instant.ofEpochMilli(this.context.currentSystemTimeMs()));
	}

	private void punctuate(long wallClock) {
		Instant now = Instant.ofEpochMilli(wallClock);
		for (String customerId : this.due.takeDue(wallClock, MAX_DUE_PER_PUNCTUATION)) {
			CustomerInvitations customer = this.customers.get(customerId);
			if (customer != null) {
				save(customerId, dueNow(customerId, customer, now), now);
			}
		}
	}

	/**
	 * The customer after their pending invitation, if it is due by now, was sent or
	 * dropped.
	 */
	private CustomerInvitations dueNow(String customerId, CustomerInvitations customer, Instant now) {
		PendingInvitation pending = customer.pending();
		if (pending == null || pending.dueAt().isAfter(now)) {
			return customer;
		}
		InvitationPolicy.Outcome outcome = this.policy.atDueTime(customer);
		this.metrics.counter("survey.invitations", "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
		if (outcome != InvitationPolicy.Outcome.INVITE) {
			return customer.withPending(null);
		}
		this.context.forward(new Record<>(customerId, invitation(customerId, pending), pending.dueAt().toEpochMilli()));
		wakeUpAt(pending.dueAt().plus(this.policy.minInterval()), customerId);
		return customer.invited(pending.dueAt());
	}

	private void save(String customerId, CustomerInvitations customer, Instant now) {
		if (this.policy.forgettable(customer, now)) {
			this.customers.delete(customerId);
		}
		else {
			this.customers.put(customerId, customer);
		}
	}

	private CustomerInvitations current(String customerId) {
		CustomerInvitations customer = this.customers.get(customerId);
		return (customer != null) ? customer : CustomerInvitations.NONE;
	}

	private static PendingInvitation pendingOf(PurchaseCompleted purchase) {
		return new PendingInvitation(purchase.getEventId(), purchase.getOrderId(), purchase.getOccurredAt(),
				purchase.getOccurredAt(), purchase.getStoreId(), purchase.getChannel(), purchase.getRegion());
	}

	private static SurveyInvitationDue invitation(String customerId, PendingInvitation pending) {
		return SurveyInvitationDue.newBuilder()
			.setEventId("invitation:" + pending.purchaseEventId())
			.setCustomerId(customerId)
			.setOccurredAt(pending.dueAt())
			.setOrderId(pending.orderId())
			.setPurchaseEventId(pending.purchaseEventId())
			.setPurchasedAt(pending.purchasedAt())
			.setTouchpoint(TOUCHPOINT)
			.setStoreId(pending.storeId())
			.setChannel(pending.channel())
			.setRegion(pending.region())
			.build();
	}

	/** Adds an entry to the index, whatever other entries the customer has. */
	private void wakeUpAt(Instant at, String customerId) {
		this.due.move(customerId, DueIndex.NOTHING_DUE, at.toEpochMilli());
	}

}
