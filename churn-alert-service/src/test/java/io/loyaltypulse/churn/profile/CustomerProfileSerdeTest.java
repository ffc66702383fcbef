package io.loyaltypulse.churn.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.loyaltypulse.events.ChurnSignal;
import io.loyaltypulse.events.ComplaintSeverity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerProfileSerdeTest {

	final CustomerProfileSerde serde = new CustomerProfileSerde((bytes) -> {
	});

	@Test
	void shouldReadBackEverythingItWrote() {
		Instant at = Instant.parse("2026-11-20T10:00:00Z");
		CustomerProfile profile = new CustomerProfile();
		profile.purchased("o-1", at, "S1", new BigDecimal("30.5000"), "EUR", "EUR");
		profile.purchased("o-2", at.plusSeconds(86_400 * 7), "S2", new BigDecimal("12.0000"), "EUR", "EUR");
		profile.refunded("rf-1", at.plusSeconds(86_400 * 8), new BigDecimal("2.5000"), "EUR", "EUR");
		profile.invoiceIssued("inv-1", new BigDecimal("80.0000"), "EUR", LocalDate.of(2026, 12, 1));
		profile.paymentReceived("inv-1", "pay-1", new BigDecimal("20.0000"), "EUR");
		profile.answered(new SurveyAnswer("r-1", "Q4", 3, at, "Late again.\nSecond line."));
		profile.answered(new SurveyAnswer("r-2", "Q4", null, at.plusSeconds(60), null));
		profile.complaintFiled(new OpenComplaint("cmp-1", "DELIVERY", ComplaintSeverity.CRITICAL, at));
		profile.complaintFiled(new OpenComplaint("cmp-2", "BILLING", ComplaintSeverity.LOW, at));
		profile.complaintResolved("cmp-2", at.plusSeconds(3_600), false);
		profile.pointsChanged(4, 120);
		profile.signal(ChurnSignal.ARREARS, new SignalState(true, "Yy0x.arrears.1", null));
		profile.signal(ChurnSignal.DETRACTOR, new SignalState(true, null, "r-1"));
		profile.nextAlertSequence();
		profile.closed("Yy0x.silence.0");
		profile.dueAt(1_800_000_000_000L);

		CustomerProfile read = this.serde.deserializer()
			.deserialize("t", this.serde.serializer().serialize("t", profile));

		assertThat(this.serde.serializer().serialize("t", read))
			.isEqualTo(this.serde.serializer().serialize("t", profile));
		assertThat(read.purchaseDays()).containsExactlyElementsOf(profile.purchaseDays());
		assertThat(read.storeId()).isEqualTo("S2");
		assertThat(read.spendOver12Months(LocalDate.of(2026, 12, 1))).isEqualByComparingTo("40.00");
		assertThat(read.openInvoices()).singleElement()
			.satisfies((invoice) -> assertThat(invoice.unpaid()).isEqualByComparingTo("60"));
		assertThat(read.answers()).containsExactlyElementsOf(profile.answers());
		assertThat(read.openComplaints()).containsExactlyElementsOf(profile.openComplaints());
		assertThat(read.lastUnsatisfied()).isEqualTo(profile.lastUnsatisfied());
		assertThat(read.pointsBalance()).isEqualTo(120);
		assertThat(read.signal(ChurnSignal.DETRACTOR)).isEqualTo(new SignalState(true, null, "r-1"));
		assertThat(read.activeAlerts()).containsEntry(ChurnSignal.ARREARS, "Yy0x.arrears.1");
		assertThat(read.closedAlerts()).containsExactly("Yy0x.silence.0");
		assertThat(read.dueAt()).isEqualTo(1_800_000_000_000L);
		assertThat(read.nextAlertSequence()).isEqualTo(2);
	}

	@Test
	void shouldKeepTheLatestPurchaseDaysWithinItsBoundAndCountThemAll() {
		CustomerProfile profile = new CustomerProfile();
		Instant first = Instant.parse("2020-01-01T10:00:00Z");
		for (int day = 0; day < CustomerProfile.MAX_PURCHASE_DAYS + 50; day++) {
			profile.purchased("o-" + day, first.plusSeconds(86_400L * day), "S1", BigDecimal.ONE, "EUR", "EUR");
		}
		// Two orders on one day, and a late order on a day no longer kept: no new day.
		profile.purchased("o-again", first.plusSeconds(86_400L * 300 + 60), "S1", BigDecimal.ONE, "EUR", "EUR");
		profile.purchased("o-late", first.plusSeconds(60), "S1", BigDecimal.ONE, "EUR", "EUR");

		assertThat(profile.purchaseDays()).hasSize(CustomerProfile.MAX_PURCHASE_DAYS);
		assertThat(profile.purchaseDays().first()).isEqualTo(LocalDate.of(2020, 1, 1).plusDays(50));
		assertThat(profile.history(LocalDate.of(2021, 1, 1))).hasValueSatisfying((history) -> {
			assertThat(history.x()).isEqualTo(CustomerProfile.MAX_PURCHASE_DAYS + 49);
			assertThat(history.tx()).isEqualTo(305 / 7.0);
			assertThat(history.T()).isEqualTo(366 / 7.0);
		});
		assertThat(this.serde.deserializer()
			.deserialize("t", this.serde.serializer().serialize("t", profile))
			.history(LocalDate.of(2021, 1, 1))).isEqualTo(profile.history(LocalDate.of(2021, 1, 1)));
	}

}
