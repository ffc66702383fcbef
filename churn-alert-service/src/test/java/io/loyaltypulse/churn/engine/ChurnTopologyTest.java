package io.loyaltypulse.churn.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.loyaltypulse.churn.alerts.Alert;
import io.loyaltypulse.events.ChurnAlertAction;
import io.loyaltypulse.events.ChurnAlertActionOutcome;
import io.loyaltypulse.events.ChurnAlertActionRequested;
import io.loyaltypulse.events.ChurnAlertActionStatus;
import io.loyaltypulse.events.ChurnAlertChange;
import io.loyaltypulse.events.ChurnAlertCleared;
import io.loyaltypulse.events.ChurnAlertEscalated;
import io.loyaltypulse.events.ChurnAlertRaised;
import io.loyaltypulse.events.ChurnAlertResolved;
import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ChurnAlertSnapshot;
import io.loyaltypulse.events.ChurnAlertStatus;
import io.loyaltypulse.events.ChurnAlertUpdated;
import io.loyaltypulse.events.ChurnSignal;
import io.loyaltypulse.events.ComplaintSeverity;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.churn.engine.Events.action;
import static io.loyaltypulse.churn.engine.Events.answer;
import static io.loyaltypulse.churn.engine.Events.complaint;
import static io.loyaltypulse.churn.engine.Events.invoice;
import static io.loyaltypulse.churn.engine.Events.payment;
import static io.loyaltypulse.churn.engine.Events.purchase;
import static io.loyaltypulse.churn.engine.Events.resolution;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The churn engine end to end in a {@link ChurnDriver}: each signal raised and cleared,
 * each lifecycle transition, managers' actions answered, and the guarantees (one alert
 * per episode, duplicates change nothing, replay gives the same alerts, a poison record
 * goes to the dead-letter topic).
 */
class ChurnTopologyTest {

	static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

	static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

	private final List<ChurnDriver> drivers = new ArrayList<>();

	@AfterEach
	void close() {
		this.drivers.forEach(ChurnDriver::close);
	}

	private ChurnDriver driver() {
		ChurnDriver driver = new ChurnDriver(NOW);
		this.drivers.add(driver);
		return driver;
	}

	@Test
	void shouldRaiseArrearsForAnOverdueInvoiceKeepItThroughAPartPaymentAndClearItWhenPaid() {
		ChurnDriver churn = driver();
		churn.send(invoice("c-1", "inv-1", NOW.minus(Duration.ofDays(40)), "120.00", TODAY.minusDays(10)))
			.advance(Duration.ofMinutes(2));

		ChurnAlertSnapshot raised = only(churn.alertEvents(), ChurnAlertRaised.class).getAlert();
		assertThat(raised.getSignal()).isEqualTo(ChurnSignal.ARREARS);
		assertThat(raised.getStatus()).isEqualTo(ChurnAlertStatus.OPEN);
		assertThat(raised.getSeverity()).isEqualTo(ChurnAlertSeverity.LOW);
		assertThat(raised.getExplanation()).isEqualTo("invoice inv-1 is 10 days overdue with 120.00 EUR unpaid");
		assertThat(raised.getEvidence()).containsEntry("invoiceId", "inv-1").containsEntry("daysOverdue", "10");

		churn.send(payment("c-1", "inv-1", "pay-1", NOW.plusSeconds(120), "100.00")).advance(Duration.ofMinutes(2));
		assertThat(churn.alertEvents()).as("20.00 EUR still unpaid: nothing changes").isEmpty();

		churn.send(payment("c-1", "inv-1", "pay-2", NOW.plusSeconds(300), "20.00")).advance(Duration.ofMinutes(2));
		ChurnAlertCleared cleared = only(churn.alertEvents(), ChurnAlertCleared.class);
		assertThat(cleared.getAlert().getAlertId()).isEqualTo(raised.getAlertId());
		assertThat(cleared.getAlert().getStatus()).isEqualTo(ChurnAlertStatus.CLEARED);
		assertThat(cleared.getReason()).contains("paid or cancelled");
	}

	@Test
	void shouldRaiseTheSeverityOfArrearsAsDaysOverduePassAThresholdAndForAHighAmount() {
		ChurnDriver churn = driver();
		churn.send(invoice("c-2", "inv-2", NOW.minus(Duration.ofDays(60)), "1500.00", TODAY.minusDays(29)))
			.advance(Duration.ofMinutes(2));
		assertThat(only(churn.alertEvents(), ChurnAlertRaised.class).getAlert().getSeverity())
			.as("LOW by 29 days, one level up for 1,500 EUR")
			.isEqualTo(ChurnAlertSeverity.MEDIUM);

		churn.advance(Duration.ofDays(1));

		ChurnAlertUpdated updated = only(churn.alertEvents(), ChurnAlertUpdated.class);
		assertThat(updated.getChange()).isEqualTo(ChurnAlertChange.SEVERITY_CHANGED);
		assertThat(updated.getAlert().getSeverity()).isEqualTo(ChurnAlertSeverity.HIGH);
		assertThat(updated.getAlert().getExplanation()).contains("30 days overdue");
	}

	@Test
	void shouldRaiseSilenceForARegularCustomerSilentBeyondTheirRhythmExplainedInIt() {
		ChurnDriver churn = driver();
		// Every 7 days for 20 weeks, the last purchase 12 weeks ago.
		for (int week = 0; week < 20; week++) {
			churn.send(purchase("c-3", "o-" + week, NOW.minus(Duration.ofDays(7L * (32 - week))), "30.00"));
		}
		churn.advance(Duration.ofMinutes(2));

		ChurnAlertSnapshot silence = raised(churn.alertEvents(), ChurnSignal.SILENCE);
		assertThat(silence.getExplanation())
			.startsWith("usually buys every 7 days (median of 10 gaps); silent 91 days");
		assertThat(silence.getEvidence()).containsEntry("medianGapDays", "7.00").containsKey("pAlive");
		// The event carries the customer's figures as the alert does (20 purchases of
		// 30.00 EUR).
		assertThat(silence.getCustomerValue()).isEqualByComparingTo("600");
		assertThat(silence.getRisk()).isGreaterThan(1.0);

		churn.send(purchase("c-3", "o-back", NOW.plusSeconds(600), "30.00")).advance(Duration.ofMinutes(2));
		// The purchase rate of the last 90 days is still below half the customer's own.
		ChurnAlertCleared cleared = only(churn.alertEvents(), ChurnAlertCleared.class);
		assertThat(cleared.getAlert().getAlertId()).isEqualTo(silence.getAlertId());
		assertThat(cleared.getReason()).isEqualTo("the customer bought again");
	}

	@Test
	void shouldRaiseSilenceOnTheDayItFallsDueWithNoNewEvent() {
		ChurnDriver churn = driver();
		for (int week = 0; week < 20; week++) {
			churn.send(purchase("c-4", "o-" + week, NOW.minus(Duration.ofDays(7L * (19 - week))), "30.00"));
		}
		churn.advance(Duration.ofMinutes(2));
		assertThat(churn.alertEvents()).as("bought today").isEmpty();

		churn.advance(Duration.ofDays(120));

		ChurnAlertSnapshot silence = raised(churn.alertEvents(), ChurnSignal.SILENCE);
		assertThat(silence.getRaisedAt()).as("a weekly customer is not silent after a few weeks")
			.isAfter(NOW.plus(Duration.ofDays(20)))
			.isBefore(NOW.plus(Duration.ofDays(90)));
	}

	@Test
	void shouldRaiseADetractorMoreSevereWhenTheCustomerTurnedButNotForAnOldAnswer() {
		ChurnDriver churn = driver();
		churn.send(answer("c-5", "r-1", 9, NOW.minus(Duration.ofDays(100))), answer("c-5", "r-2", 5, NOW))
			.send(answer("c-6", "r-3", 2, NOW.minus(Duration.ofDays(45))))
			.advance(Duration.ofMinutes(2));

		ChurnAlertSnapshot detractor = only(churn.alertEvents(), ChurnAlertRaised.class).getAlert();
		assertThat(detractor.getCustomerId()).isEqualTo("c-5");
		assertThat(detractor.getSeverity()).as("MEDIUM for a 5, one up for turning").isEqualTo(ChurnAlertSeverity.HIGH);
		assertThat(detractor.getExplanation())
			.isEqualTo("answered 5 of 10 to survey Q4 after 9 of 10 before: turned detractor");
	}

	@Test
	void shouldRaiseAComplaintPastItsSlaAndClearItWhenResolvedToTheCustomersSatisfaction() {
		ChurnDriver churn = driver();
		churn.send(complaint("c-7", "cmp-1", ComplaintSeverity.HIGH, NOW)).advance(Duration.ofDays(1));
		assertThat(churn.alertEvents()).as("within the 2-day SLA").isEmpty();

		churn.advance(Duration.ofDays(1).plusHours(1));
		ChurnAlertSnapshot raised = only(churn.alertEvents(), ChurnAlertRaised.class).getAlert();
		assertThat(raised.getSignal()).isEqualTo(ChurnSignal.COMPLAINT);
		assertThat(raised.getSeverity()).isEqualTo(ChurnAlertSeverity.HIGH);
		assertThat(raised.getEvidence()).containsEntry("reason", "PAST_SLA");

		churn.send(resolution("c-7", "cmp-1", NOW.plus(Duration.ofDays(3)), true)).advance(Duration.ofMinutes(2));
		assertThat(only(churn.alertEvents(), ChurnAlertCleared.class).getAlert().getAlertId())
			.isEqualTo(raised.getAlertId());
	}

	@Test
	void shouldRaiseRepeatDeclineWhenTheRecentRateFellToHalfTheCustomersOwn() {
		ChurnDriver churn = driver();
		// Every 10 days from 350 to 100 days ago (26 days), then once, 40 days ago.
		for (int day = 350; day >= 100; day -= 10) {
			churn.send(purchase("c-8", "o-" + day, NOW.minus(Duration.ofDays(day)), "20.00"));
		}
		churn.send(purchase("c-8", "o-40", NOW.minus(Duration.ofDays(40)), "20.00")).advance(Duration.ofMinutes(2));

		ChurnAlertSnapshot decline = raised(churn.alertEvents(), ChurnSignal.REPEAT_DECLINE);
		assertThat(decline.getExplanation()).isEqualTo(
				"bought on 1 day in the last 90 days against 26 in the 270 days before (0.3 vs 2.9 a month, -88%)");
		assertThat(decline.getSeverity()).isEqualTo(ChurnAlertSeverity.HIGH);
	}

	@Test
	void shouldAcknowledgeOnceEvenWhenTheSameRequestComesTwiceAndRefuseToAcknowledgeAResolvedAlert() {
		ChurnDriver churn = driver();
		String alertId = overdueInvoice(churn, "c-9");

		churn.send(action("c-9", alertId, ChurnAlertAction.ACKNOWLEDGE, "req-1", NOW.plusSeconds(200)));
		churn.send(action("c-9", alertId, ChurnAlertAction.ACKNOWLEDGE, "req-1", NOW.plusSeconds(201)));

		List<ChurnAlertActionOutcome> outcomes = churn.outcomes();
		assertThat(outcomes).extracting(ChurnAlertActionOutcome::getStatus)
			.containsExactly(ChurnAlertActionStatus.APPLIED, ChurnAlertActionStatus.APPLIED);
		assertThat(outcomes).extracting((outcome) -> outcome.getAlert().getStatus())
			.containsOnly(ChurnAlertStatus.ACKNOWLEDGED);
		assertThat(only(churn.alertEvents(), ChurnAlertUpdated.class).getChange())
			.isEqualTo(ChurnAlertChange.ACKNOWLEDGED);

		ChurnAlertActionRequested resolve = ChurnAlertActionRequested
			.newBuilder(action("c-9", alertId, ChurnAlertAction.RESOLVE, "req-2", NOW.plusSeconds(300)))
			.setReason("called the customer, payment promised")
			.build();
		churn.send(resolve, action("c-9", alertId, ChurnAlertAction.ACKNOWLEDGE, "req-3", NOW.plusSeconds(400)));

		outcomes = churn.outcomes();
		assertThat(outcomes).extracting(ChurnAlertActionOutcome::getStatus)
			.containsExactly(ChurnAlertActionStatus.APPLIED, ChurnAlertActionStatus.CONFLICT);
		ChurnAlertResolved resolved = only(churn.alertEvents(), ChurnAlertResolved.class);
		assertThat(resolved.getActor()).isEqualTo("manager-1");
		assertThat(resolved.getReason()).isEqualTo("called the customer, payment promised");
		assertThat(churn.alert(alertId).history()).extracting((entry) -> entry.change().name())
			.containsExactly("RAISED", "ACKNOWLEDGED", "RESOLVED");
	}

	@Test
	void shouldNotRaiseAgainAfterAResolveWhileTheConditionHoldsButAgainWhenTheCustomerReentersIt() {
		ChurnDriver churn = driver();
		String alertId = overdueInvoice(churn, "c-10");
		ChurnAlertActionRequested resolve = ChurnAlertActionRequested
			.newBuilder(action("c-10", alertId, ChurnAlertAction.RESOLVE, "req-1", NOW.plusSeconds(200)))
			.setReason("agreed a payment plan")
			.build();
		churn.send(resolve).advance(Duration.ofDays(3));
		churn.outcomes();
		assertThat(churn.alertEvents()).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("ChurnAlertResolved");

		churn.send(payment("c-10", "inv-1", "pay-1", NOW.plus(Duration.ofDays(3)), "120.00"))
			.advance(Duration.ofMinutes(2));
		assertThat(churn.alertEvents()).as("the resolved alert is not cleared").isEmpty();

		churn.send(invoice("c-10", "inv-2", NOW.plus(Duration.ofDays(3)), "50.00", TODAY.plusDays(3)))
			.advance(Duration.ofDays(2));
		ChurnAlertSnapshot again = only(churn.alertEvents(), ChurnAlertRaised.class).getAlert();
		assertThat(again.getAlertId()).isNotEqualTo(alertId);
		assertThat(again.getEvidence()).containsEntry("invoiceId", "inv-2");
	}

	@Test
	void shouldEscalateAnOpenAlertNobodyAcknowledgedAndBringASnoozedOneBackWhenTheSnoozeEnds() {
		ChurnDriver churn = driver();
		String escalating = overdueInvoice(churn, "c-11");
		String snoozed = overdueInvoice(churn, "c-12");
		ChurnAlertActionRequested snooze = ChurnAlertActionRequested
			.newBuilder(action("c-12", snoozed, ChurnAlertAction.SNOOZE, "req-1", NOW.plusSeconds(200)))
			.setSnoozeUntil(NOW.plus(Duration.ofDays(1)))
			.setReason("customer on holiday")
			.build();
		churn.send(snooze);
		assertThat(only(churn.outcomes(), ChurnAlertActionOutcome.class).getAlert().getStatus())
			.isEqualTo(ChurnAlertStatus.SNOOZED);
		churn.alertEvents();

		churn.advance(Duration.ofDays(1).plusHours(1));
		ChurnAlertUpdated back = only(churn.alertEvents(), ChurnAlertUpdated.class);
		assertThat(back.getChange()).isEqualTo(ChurnAlertChange.SNOOZE_ENDED);
		assertThat(back.getAlert().getStatus()).isEqualTo(ChurnAlertStatus.OPEN);

		churn.advance(Duration.ofDays(1));
		ChurnAlertEscalated escalated = only(churn.alertEvents(), ChurnAlertEscalated.class);
		assertThat(escalated.getAlert().getAlertId()).isEqualTo(escalating);
		assertThat(escalated.getAlert().getStatus()).isEqualTo(ChurnAlertStatus.ESCALATED);
	}

	@Test
	void shouldAssignAndCommentAnAlertCommentItEvenOnceClosedAndRefuseASnoozeIntoThePast() {
		ChurnDriver churn = driver();
		String alertId = overdueInvoice(churn, "c-15");
		churn.send(
				ChurnAlertActionRequested
					.newBuilder(action("c-15", alertId, ChurnAlertAction.ASSIGN, "req-1", NOW.plusSeconds(200)))
					.setAssignee("anna")
					.build(),
				ChurnAlertActionRequested
					.newBuilder(action("c-15", alertId, ChurnAlertAction.SNOOZE, "req-2", NOW.plusSeconds(210)))
					.setSnoozeUntil(NOW.minus(Duration.ofDays(1)))
					.setReason("too late")
					.build(),
				ChurnAlertActionRequested
					.newBuilder(action("c-15", alertId, ChurnAlertAction.RESOLVE, "req-3", NOW.plusSeconds(220)))
					.setReason("paid by phone")
					.build(),
				ChurnAlertActionRequested
					.newBuilder(action("c-15", alertId, ChurnAlertAction.COMMENT, "req-4", NOW.plusSeconds(230)))
					.setComment("Confirmed with accounting.")
					.build(),
				ChurnAlertActionRequested
					.newBuilder(action("c-15", alertId, ChurnAlertAction.ASSIGN, "req-5", NOW.plusSeconds(240)))
					.setAssignee("bob")
					.build(),
				action("c-15", "Yy0xNQ.arrears.9", ChurnAlertAction.ACKNOWLEDGE, "req-6", NOW.plusSeconds(250)));

		assertThat(churn.outcomes()).extracting(ChurnAlertActionOutcome::getStatus)
			.containsExactly(ChurnAlertActionStatus.APPLIED, ChurnAlertActionStatus.INVALID,
					ChurnAlertActionStatus.APPLIED, ChurnAlertActionStatus.APPLIED, ChurnAlertActionStatus.CONFLICT,
					ChurnAlertActionStatus.NOT_FOUND);
		Alert alert = churn.alert(alertId);
		assertThat(alert.assignee()).isEqualTo("anna");
		assertThat(alert.status()).isEqualTo(ChurnAlertStatus.RESOLVED);
		assertThat(alert.history()).extracting((entry) -> entry.change().name() + ":" + entry.note())
			.containsExactly("RAISED:invoice inv-1 is 10 days overdue with 120.00 EUR unpaid", "ASSIGNED:anna",
					"RESOLVED:paid by phone", "COMMENTED:Confirmed with accounting.");
		assertThat(churn.alertEvents()).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("ChurnAlertUpdated", "ChurnAlertResolved", "ChurnAlertUpdated");
	}

	@Test
	void shouldHoldTheSameOpenAlertsWhenTheInputIsReplayedLaterAsWhenItWasLive() {
		Instant start = NOW.minus(Duration.ofDays(200));
		List<SpecificRecord> input = new ArrayList<>();
		for (int week = 0; week < 15; week++) {
			// c-20 buys weekly, then stops; c-21 buys weekly, pauses 10 weeks, comes
			// back.
			input.add(purchase("c-20", "o-20-" + week, start.plus(Duration.ofDays(7L * week)), "30.00"));
			input.add(purchase("c-21", "o-21-" + week, start.plus(Duration.ofDays(7L * week)), "30.00"));
		}
		for (int week = 25; week < 29; week++) {
			input.add(purchase("c-21", "o-21-" + week, start.plus(Duration.ofDays(7L * week)), "30.00"));
		}
		input.add(invoice("c-22", "inv-1", start.plus(Duration.ofDays(100)), "90.00", TODAY.minusDays(50)));
		input.add(answer("c-23", "r-1", 3, NOW.minus(Duration.ofDays(3))));
		input.sort(Comparator.comparing(Events::occurredAt));

		ChurnDriver live = new ChurnDriver(start);
		this.drivers.add(live);
		Instant clock = start;
		for (SpecificRecord event : input) {
			Instant at = Events.occurredAt(event);
			if (at.isAfter(clock)) {
				live.advance(Duration.between(clock, at));
				clock = at;
			}
			live.send(event);
		}
		live.advance(Duration.between(clock, NOW).plusMinutes(2));
		ChurnDriver replay = driver();
		input.forEach(replay::send);
		replay.advance(Duration.ofMinutes(2));

		assertThat(live.openAlerts()).containsExactly("c-20 REPEAT_DECLINE ESCALATED HIGH",
				"c-20 SILENCE ESCALATED HIGH", "c-22 ARREARS ESCALATED MEDIUM", "c-23 DETRACTOR ESCALATED HIGH");
		assertThat(replay.openAlerts()).as("the same conditions, raised now: not yet escalated")
			.containsExactly("c-20 REPEAT_DECLINE OPEN HIGH", "c-20 SILENCE OPEN HIGH", "c-22 ARREARS OPEN MEDIUM",
					"c-23 DETRACTOR OPEN HIGH");
	}

	@Test
	void shouldChangeNothingForRepeatedEventsAndGiveTheSameAlertsOnReplay() {
		List<SpecificRecord> input = List.of(
				invoice("c-13", "inv-1", NOW.minus(Duration.ofDays(40)), "80.00", TODAY.minusDays(5)),
				purchase("c-13", "o-1", NOW.minus(Duration.ofDays(40)), "80.00"),
				answer("c-13", "r-1", 4, NOW.minus(Duration.ofDays(1))),
				complaint("c-13", "cmp-1", ComplaintSeverity.CRITICAL, NOW.minus(Duration.ofDays(2))));
		ChurnDriver once = driver();
		input.forEach(once::send);
		once.advance(Duration.ofMinutes(2));
		ChurnDriver twice = driver();
		input.forEach(twice::send);
		input.forEach(twice::send);
		twice.advance(Duration.ofMinutes(2));

		List<SpecificRecord> first = once.alertEvents();
		assertThat(first).hasSize(3);
		assertThat(twice.alertEvents()).isEqualTo(first);
		Alert alert = once.alert(((ChurnAlertRaised) first.getFirst()).getAlert().getAlertId());
		assertThat(alert.risk()).as("LOW + MEDIUM + CRITICAL = 7, times 1 + log10(1 + 80 / 100)")
			.isEqualTo(Math.round(7 * (1 + Math.log10(1.8)) * 1000) / 1000.0);
	}

	@Test
	void shouldSendARecordKeyedByAnotherCustomerToTheDeadLetterTopicAndGoOn() {
		ChurnDriver churn = driver();
		churn.send(invoice("c-14", "inv-1", NOW, "10.00", TODAY.minusDays(1)));
		// Keyed by c-15, about c-14.
		churn.driver
			.createInputTopic(churn.topics.invoices().name(), new StringSerializer(),
					churn.topics.invoices().valueSerde().serializer())
			.pipeInput("c-15", invoice("c-14", "inv-2", NOW, "10.00", TODAY.minusDays(1)), NOW);
		churn.advance(Duration.ofMinutes(2));

		assertThat(churn.invoiceDeadLetters.readRecordsToList()).hasSize(1);
		assertThat(only(churn.alertEvents(), ChurnAlertRaised.class).getAlert().getCustomerId()).isEqualTo("c-14");
	}

	/**
	 * A customer with an invoice 10 days overdue and its ARREARS alert; returns its id.
	 */
	private static String overdueInvoice(ChurnDriver churn, String customerId) {
		churn.send(invoice(customerId, "inv-1", NOW.minus(Duration.ofDays(40)), "120.00", TODAY.minusDays(10)))
			.advance(Duration.ofMinutes(2));
		return only(churn.alertEvents(), ChurnAlertRaised.class).getAlert().getAlertId();
	}

	/** The one alert of this signal raised among the events. */
	private static ChurnAlertSnapshot raised(List<SpecificRecord> events, ChurnSignal signal) {
		List<ChurnAlertSnapshot> raised = events.stream()
			.filter((event) -> event instanceof ChurnAlertRaised)
			.map((event) -> ((ChurnAlertRaised) event).getAlert())
			.filter((alert) -> alert.getSignal() == signal)
			.toList();
		assertThat(raised).hasSize(1);
		return raised.getFirst();
	}

	private static <T> T only(List<?> records, Class<T> type) {
		assertThat(records).hasSize(1).first().isInstanceOf(type);
		return type.cast(records.getFirst());
	}

}
