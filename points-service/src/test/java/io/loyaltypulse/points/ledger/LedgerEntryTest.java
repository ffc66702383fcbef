package io.loyaltypulse.points.ledger;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.T0;
import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static io.loyaltypulse.points.ledger.LedgerFixtures.days;
import static io.loyaltypulse.points.ledger.LedgerFixtures.lot;
import static org.assertj.core.api.Assertions.assertThat;

class LedgerEntryTest {

	final CustomerAccount account = account();

	@Test
	void shouldNumberEntriesWithoutGapsUnderTheCustomersId() {
		PointsTransaction first = LedgerEntry.of(PointsTransactionKind.ADJUST, 0, T0, EntryCause.event("e1"))
			.appendTo(this.account, "first");
		PointsTransaction second = LedgerEntry.of(PointsTransactionKind.ADJUST, 0, T0, EntryCause.event("e2"))
			.appendTo(this.account, "second");

		assertThat(first.getSequence()).isEqualTo(1);
		assertThat(second.getSequence()).isEqualTo(2);
		assertThat(second.getEventId()).isEqualTo("c1:2");
		assertThat(this.account.sequence).isEqualTo(2);
	}

	@Test
	void shouldStateTheBalancesAsOfItsOwnTime() {
		lot(this.account, "o1", 100, days(30), days(365));
		lot(this.account, null, 40, T0, days(365));
		this.account.debt = 15;

		PointsTransaction before = LedgerEntry.of(PointsTransactionKind.ADJUST, 0, days(29), EntryCause.event("e1"))
			.appendTo(this.account, "before");
		PointsTransaction atTheEndOfTheReturnWindow = LedgerEntry
			.of(PointsTransactionKind.ADJUST, 0, days(30), EntryCause.event("e2"))
			.appendTo(this.account, "after");

		assertThat(before.getAvailableAfter()).as("available less the debt").isEqualTo(25);
		assertThat(before.getPendingAfter()).isEqualTo(100);
		assertThat(before.getBalanceAfter()).isEqualTo(125);
		assertThat(atTheEndOfTheReturnWindow.getAvailableAfter()).isEqualTo(125);
		assertThat(atTheEndOfTheReturnWindow.getPendingAfter()).isZero();
	}

	@Test
	void shouldCarryItsCause() {
		PointsTransaction entry = LedgerEntry
			.of(PointsTransactionKind.ADJUST, 5, T0, new EntryCause("adjust-1", "o9", "admin-7"))
			.shortfall(3)
			.appendTo(this.account, "why");

		assertThat(entry.getSourceEventId()).isEqualTo("adjust-1");
		assertThat(entry.getOrderId()).isEqualTo("o9");
		assertThat(entry.getActor()).isEqualTo("admin-7");
		assertThat(entry.getShortfall()).isEqualTo(3);
		assertThat(entry.getAvailableAt()).as("not a credit").isNull();
		assertThat(entry.getExplanation()).isEqualTo("why");
	}

}
