package io.loyaltypulse.churn.signals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.churn.profile.CustomerProfile;
import io.loyaltypulse.churn.profile.OpenComplaint;
import io.loyaltypulse.churn.profile.SurveyAnswer;
import io.loyaltypulse.churn.silence.BgNbdParameters;
import io.loyaltypulse.churn.silence.SilenceRule;
import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ComplaintSeverity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each signal's rule on plain profiles: when it holds, how severe, what it says, and when
 * it may next change with no new event.
 */
class SignalRulesTest {

	static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

	static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

	final ArrearsSignal arrears = new ArrearsSignal(List.of(1, 30, 60, 90), new BigDecimal("1000"));

	@Test
	void shouldNotCallAnInvoiceOverdueOnItsDueDateButTheDayAfter() {
		CustomerProfile profile = new CustomerProfile();
		profile.invoiceIssued("inv-1", new BigDecimal("50.00"), "EUR", TODAY);

		assertThat(this.arrears.evaluate(profile, NOW)).isEmpty();
		assertThat(this.arrears.nextChange(profile, NOW))
			.isEqualTo(TODAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
		assertThat(this.arrears.evaluate(profile, NOW.plus(Duration.ofDays(1))))
			.hasValueSatisfying((finding) -> assertThat(finding.explanation())
				.isEqualTo("invoice inv-1 is 1 day overdue with 50.00 EUR unpaid"));
	}

	@Test
	void shouldStepTheSeverityAtEachThresholdAndStopLookingAfterTheLast() {
		CustomerProfile profile = new CustomerProfile();
		profile.invoiceIssued("inv-1", new BigDecimal("50.00"), "EUR", TODAY.minusDays(95));
		profile.invoiceIssued("inv-2", new BigDecimal("20.00"), "EUR", TODAY.minusDays(3));

		Finding finding = this.arrears.evaluate(profile, NOW).orElseThrow();

		assertThat(finding.severity()).isEqualTo(ChurnAlertSeverity.CRITICAL);
		assertThat(finding.explanation()).isEqualTo(
				"invoice inv-1 is 95 days overdue with 50.00 EUR unpaid (2 overdue invoices, 70.00 EUR in total)");
		assertThat(this.arrears.nextChange(profile, NOW)).as("inv-2 reaches 30 days")
			.isEqualTo(TODAY.plusDays(27).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
	}

	@Test
	void shouldReduceTheUnpaidAmountByPartPaymentsAndForgetAnInvoicePaidInFull() {
		CustomerProfile profile = new CustomerProfile();
		profile.invoiceIssued("inv-1", new BigDecimal("1200.00"), "EUR", TODAY.minusDays(5));
		assertThat(this.arrears.evaluate(profile, NOW).orElseThrow().severity()).as("LOW, up one for 1,200 EUR")
			.isEqualTo(ChurnAlertSeverity.MEDIUM);

		profile.paymentReceived("inv-1", "pay-1", new BigDecimal("300.00"), "EUR");
		assertThat(this.arrears.evaluate(profile, NOW).orElseThrow().severity()).isEqualTo(ChurnAlertSeverity.LOW);
		assertThat(profile.paymentReceived("inv-1", "pay-1", new BigDecimal("300.00"), "EUR"))
			.as("the same payment twice")
			.isFalse();

		profile.paymentReceived("inv-1", "pay-2", new BigDecimal("900.00"), "EUR");
		assertThat(this.arrears.evaluate(profile, NOW)).isEmpty();
		assertThat(profile.openInvoices()).isEmpty();
	}

	@Test
	void shouldRefuseAnUnorderedOrIncompleteSeverityLadder() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ArrearsSignal(List.of(30, 1, 60, 90), BigDecimal.TEN));
		assertThatIllegalArgumentException().isThrownBy(() -> new ArrearsSignal(List.of(1, 30), BigDecimal.TEN));
	}

	@Test
	void shouldStopCheckingASilentCustomerDailyOnceTheSilenceIsHigh() {
		SilenceSignal silence = new SilenceSignal(new SilenceRule(3, 10, 39, 0.5),
				() -> new BgNbdParameters(0.2426, 4.4135, 0.7929, 2.4258));
		CustomerProfile regular = new CustomerProfile();
		for (int week = 0; week < 20; week++) {
			regular.purchased("o-" + week, NOW.minus(Duration.ofDays(7L * (19 - week))), "S1", BigDecimal.TEN, "EUR",
					"EUR");
		}
		long due = silence.nextChange(regular, NOW);
		Instant dueAt = Instant.ofEpochMilli(due);
		assertThat(silence.evaluate(regular, dueAt.minus(Duration.ofDays(1)))).as("the day before it is due").isEmpty();
		assertThat(silence.evaluate(regular, dueAt)).isPresent();

		Instant muchLater = NOW.plus(Duration.ofDays(400));
		assertThat(silence.evaluate(regular, muchLater).orElseThrow().severity()).isEqualTo(ChurnAlertSeverity.HIGH);
		assertThat(silence.nextChange(regular, muchLater)).isEqualTo(CustomerProfile.NEVER);
	}

	@Test
	void shouldCountRepeatDeclineWindowsInWholeDaysAndForeseeTheNextDayACountChanges() {
		RepeatDeclineSignal decline = new RepeatDeclineSignal(90, 270, 4);
		CustomerProfile profile = new CustomerProfile();
		for (int day : new int[] { 300, 250, 200, 150, 100 }) {
			profile.purchased("o-" + day, NOW.minus(Duration.ofDays(day)), "S1", BigDecimal.TEN, "EUR", "EUR");
		}

		assertThat(decline.evaluate(profile, NOW)).hasValueSatisfying((finding) -> {
			assertThat(finding.severity()).isEqualTo(ChurnAlertSeverity.HIGH);
			assertThat(finding.evidence()).containsEntry("recentPurchaseDays", "0")
				.containsEntry("earlierPurchaseDays", "5");
		});
		// The purchase 300 days ago leaves the earlier window (ending 359 days back) in
		// 60 days.
		assertThat(decline.nextChange(profile, NOW))
			.isEqualTo(TODAY.minusDays(300).plusDays(360).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
	}

	@Test
	void shouldRaiseADetractorOnlyForTheLatestScoredAnswerAndNotForAnOldOne() {
		DetractorSignal detractor = new DetractorSignal(Duration.ofDays(30));
		CustomerProfile profile = new CustomerProfile();
		profile.answered(new SurveyAnswer("r-1", "Q4", 2, NOW.minus(Duration.ofDays(10)), null));
		profile.answered(new SurveyAnswer("r-2", "Q4", null, NOW.minus(Duration.ofDays(5)), null));
		assertThat(detractor.evaluate(profile, NOW).orElseThrow().severity()).as("a skipped answer is not an answer")
			.isEqualTo(ChurnAlertSeverity.HIGH);

		profile.answered(new SurveyAnswer("r-1", "Q4", 9, NOW.minus(Duration.ofDays(4)), null));
		assertThat(detractor.evaluate(profile, NOW)).as("corrected to a 9").isEmpty();

		CustomerProfile old = new CustomerProfile();
		old.answered(new SurveyAnswer("r-3", "Q4", 0, NOW.minus(Duration.ofDays(31)), null));
		assertThat(detractor.evaluate(old, NOW).orElseThrow().fresh()).isFalse();
	}

	@Test
	void shouldRaiseAComplaintWhenRepeatedOrResolvedUnsatisfiedAndSayWhichSpeaks() {
		ComplaintSignal complaints = new ComplaintSignal(
				Map.of(ComplaintSeverity.LOW, Duration.ofDays(10), ComplaintSeverity.MEDIUM, Duration.ofDays(5),
						ComplaintSeverity.HIGH, Duration.ofDays(2), ComplaintSeverity.CRITICAL, Duration.ofDays(1)),
				Duration.ofDays(30), 3, Duration.ofDays(90));
		CustomerProfile profile = new CustomerProfile();
		for (int i = 0; i < 3; i++) {
			profile.complaintFiled(new OpenComplaint("cmp-" + i, "DELIVERY", ComplaintSeverity.LOW,
					NOW.minus(Duration.ofDays(20 + i))));
			profile.complaintResolved("cmp-" + i, NOW.minus(Duration.ofDays(15)), true);
		}
		assertThat(complaints.evaluate(profile, NOW).orElseThrow().explanation())
			.isEqualTo("filed 3 complaints in the last 90 days");

		profile.complaintFiled(
				new OpenComplaint("cmp-9", "BILLING", ComplaintSeverity.LOW, NOW.minus(Duration.ofDays(1))));
		profile.complaintResolved("cmp-9", NOW, false);
		Finding finding = complaints.evaluate(profile, NOW).orElseThrow();
		assertThat(finding.severity()).isEqualTo(ChurnAlertSeverity.HIGH);
		assertThat(finding.cause()).isEqualTo("cmp-9");
	}

	@Test
	void shouldWeighRiskBySeverityAndByValue() {
		RiskScore risk = new RiskScore(new BigDecimal("100"));

		assertThat(risk.of(List.of(ChurnAlertSeverity.LOW), BigDecimal.ZERO)).isEqualTo(1.0);
		assertThat(risk.of(List.of(ChurnAlertSeverity.HIGH, ChurnAlertSeverity.LOW), new BigDecimal("900")))
			.isEqualTo(4 * 2.0);
		assertThat(risk.of(List.of(), new BigDecimal("900"))).isZero();
	}

}
