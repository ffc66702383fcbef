package io.loyaltypulse.survey.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.ComplaintFiled;
import io.loyaltypulse.events.ComplaintSeverity;
import io.loyaltypulse.events.SurveyInvitationDue;
import io.loyaltypulse.survey.invitations.CustomerInvitations;
import io.loyaltypulse.survey.invitations.InvitationPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task restarted on stores the release before DueIndex wrote (index keys
 * {@code "%013d|customer"}) sends the same invitations at the same times, once each, as a
 * task whose stores were never in the old format.
 */
class InvitationUpgradeTest {

	static final Instant START = InvitationTopologyTest.START;

	static final InvitationPolicy POLICY = new InvitationPolicy(Duration.ofDays(7), Duration.ofDays(90),
			Duration.ofDays(2));

	@Test
	void shouldSendTheSameInvitationsAtTheSameTimesFromAnIndexInTheOldFormat() {
		List<String> upgraded = run(true);

		assertThat(upgraded).isEqualTo(run(false))
			.containsExactly("2026-11-08T10:00:00Z c-1 invitation:p-1", "2026-11-09T10:00:00Z c-2 invitation:p-2",
					"2026-11-12T10:00:00Z c-4 invitation:p-4");
	}

	@Test
	void shouldRewriteTheOldKeysWhenTheTaskStarts() {
		Task before = new Task();
		before.purchase("c-1", "p-1", START);
		before.toOldFormat();

		Task restarted = new Task(before);

		assertThat(restarted.dueKeys())
			.containsExactly("000000" + START.plus(Duration.ofDays(7)).toEpochMilli() + "|c-1");
	}

	/**
	 * Purchases, an invitation sent, a restart (with the index in the old format or not),
	 * a purchase after it, and the wall clock through the forget time of every customer.
	 * @return what was sent, as "wall clock at the punctuation, customer, event id"
	 */
	private static List<String> run(boolean oldFormat) {
		Task before = new Task();
		before.purchase("c-1", "p-1", START);
		before.purchase("c-2", "p-2", START.plus(Duration.ofDays(1)));
		before.purchase("c-3", "p-3", START.plus(Duration.ofDays(2)));
		before.complaint("c-3", START.plus(Duration.ofDays(3)));
		before.punctuateUntil(START.plus(Duration.ofDays(7)).plusSeconds(3_600));
		if (oldFormat) {
			before.toOldFormat();
		}
		Task after = new Task(before);
		after.purchase("c-4", "p-4", START.plus(Duration.ofDays(4)));
		after.punctuateUntil(START.plus(Duration.ofDays(120)));
		assertThat(after.dueKeys()).as("nothing left due").isEmpty();
		List<String> sent = new ArrayList<>(before.sent);
		sent.addAll(after.sent);
		return sent;
	}

	/**
	 * An invitation processor on in-memory stores, driven by hand: the stores outlive the
	 * processor, as a task's do across a restart.
	 */
	static final class Task {

		final MockProcessorContext<String, SurveyInvitationDue> context = new MockProcessorContext<>();

		final KeyValueStore<String, CustomerInvitations> customers;

		final KeyValueStore<String, String> due;

		final InvitationProcessor processor = new InvitationProcessor(POLICY, Duration.ofMinutes(1),
				new SimpleMeterRegistry());

		final List<String> sent = new ArrayList<>();

		long wallClock = START.toEpochMilli();

		Task() {
			this(Stores
				.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(InvitationTopology.CUSTOMERS_STORE), Serdes.String(),
						CompactSerdes.customerInvitations())
				.withLoggingDisabled()
				.build(),
					Stores
						.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(InvitationTopology.DUE_STORE),
								Serdes.String(), Serdes.String())
						.withLoggingDisabled()
						.build());
			this.customers.init(this.context.getStateStoreContext(), this.customers);
			this.due.init(this.context.getStateStoreContext(), this.due);
			start();
		}

		/** The same stores after a restart: a new processor, its init run again. */
		Task(Task before) {
			this(before.customers, before.due);
			this.wallClock = before.wallClock;
			start();
		}

		private Task(KeyValueStore<String, CustomerInvitations> customers, KeyValueStore<String, String> due) {
			this.customers = customers;
			this.due = due;
		}

		private void start() {
			this.context.addStateStore(this.customers);
			this.context.addStateStore(this.due);
			this.context.setCurrentSystemTimeMs(this.wallClock);
			this.processor.init(this.context);
		}

		void purchase(String customerId, String eventId, Instant at) {
			process(customerId, InvitationTopologyTest.purchaseOf(customerId, eventId, at), at);
		}

		void complaint(String customerId, Instant at) {
			process(customerId,
					ComplaintFiled.newBuilder()
						.setEventId("cmp-" + customerId)
						.setCustomerId(customerId)
						.setOccurredAt(at)
						.setComplaintId("cmp-" + customerId)
						.setCategory("DELIVERY")
						.setSeverity(ComplaintSeverity.HIGH)
						.build(),
					at);
		}

		private void process(String customerId, SpecificRecord event, Instant at) {
			this.processor.process(new Record<>(customerId, event, at.toEpochMilli()));
		}

		/** Punctuates every hour of wall clock up to {@code until}. */
		void punctuateUntil(Instant until) {
			while (this.wallClock < until.toEpochMilli()) {
				this.wallClock += Duration.ofHours(1).toMillis();
				this.context.setCurrentSystemTimeMs(this.wallClock);
				this.context.scheduledPunctuators().getFirst().getPunctuator().punctuate(this.wallClock);
				for (var forwarded : this.context.forwarded()) {
					this.sent.add(Instant.ofEpochMilli(this.wallClock) + " " + forwarded.record().key() + " "
							+ forwarded.record().value().getEventId());
				}
				this.context.resetForwards();
			}
		}

		/** Rewrites the index as the release before DueIndex wrote it. */
		void toOldFormat() {
			for (String key : dueKeys()) {
				int separator = key.indexOf('|');
				this.due.delete(key);
				this.due.put(LegacyDueKeysTest.legacyKey(Long.parseLong(key.substring(0, separator)),
						key.substring(separator + 1)), "");
			}
		}

		List<String> dueKeys() {
			List<String> keys = new ArrayList<>();
			try (KeyValueIterator<String, String> entries = this.due.all()) {
				entries.forEachRemaining((KeyValue<String, String> entry) -> keys.add(entry.key));
			}
			return keys;
		}

	}

}
