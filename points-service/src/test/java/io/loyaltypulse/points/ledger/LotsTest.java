package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsLotMovement;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.T0;
import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static io.loyaltypulse.points.ledger.LedgerFixtures.availableLot;
import static io.loyaltypulse.points.ledger.LedgerFixtures.days;
import static io.loyaltypulse.points.ledger.LedgerFixtures.lot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

class LotsTest {

	final Lots lots = LedgerFixtures.lots();

	final CustomerAccount account = account();

	@Test
	void shouldCreditANewLotThatExpiresTheConfiguredCalendarMonthsLater() {
		PointsTransaction entry = this.lots.credit(this.account, PointsTransactionKind.BONUS, 50, T0, T0.toEpochMilli(),
				EntryCause.event("survey-1"), "Bonus");

		assertThat(entry.getPoints()).isEqualTo(50);
		assertThat(entry.getAvailableAt()).isEqualTo(T0);
		assertThat(entry.getExpiresAt()).isEqualTo(Instant.parse("2027-03-02T10:00:00Z"));
		assertThat(entry.getLots()).extracting(PointsLotMovement::getLotId, PointsLotMovement::getPoints)
			.containsExactly(tuple("c1:1", 50L));
		assertThat(entry.getAvailableAfter()).isEqualTo(50);
		assertThat(this.account.lots).singleElement().satisfies((lot) -> assertThat(lot.remaining).isEqualTo(50));
	}

	@Test
	void shouldExpireAtTheEndOfAShorterMonthWhenTheDayDoesNotExist() {
		Lots monthly = new Lots(1);

		assertThat(monthly.expiresAt(Instant.parse("2026-01-31T23:00:00Z")))
			.isEqualTo(Instant.parse("2026-02-28T23:00:00Z").toEpochMilli());
	}

	@Test
	void shouldSettleANegativeBalanceBeforeAnyPointEntersALot() {
		this.account.debt = 30;

		PointsTransaction entry = this.lots.credit(this.account, PointsTransactionKind.ADJUST, 100, T0,
				T0.toEpochMilli(), EntryCause.actor("adjust-1", "admin-7"), "Adjustment");

		assertThat(this.account.debt).isZero();
		assertThat(entry.getPoints()).as("the entry says what was credited").isEqualTo(100);
		assertThat(entry.getLots()).as("the lot says what it received")
			.extracting(PointsLotMovement::getPoints)
			.containsExactly(70L);
		assertThat(entry.getBalanceAfter()).isEqualTo(70);
		assertThat(entry.getExplanation()).endsWith("; 30 of them settle a negative balance");
	}

	@Test
	void shouldCreateNoLotWhenTheWholeCreditSettlesADebt() {
		this.account.debt = 150;

		PointsTransaction entry = this.lots.credit(this.account, PointsTransactionKind.BONUS, 100, T0,
				T0.toEpochMilli(), EntryCause.event("survey-1"), "Bonus");

		assertThat(this.account.lots).isEmpty();
		assertThat(entry.getLots()).isEmpty();
		assertThat(this.account.debt).isEqualTo(50);
		assertThat(entry.getBalanceAfter()).isEqualTo(-50);
	}

	@Test
	void shouldSpendTheSoonestExpiringAvailableLotsFirstAndNeverPendingOnes() {
		Lot later = availableLot(this.account, 30, 300);
		Lot sooner = availableLot(this.account, 20, 100);
		Lot pending = lot(this.account, "o1", 1000, days(10), days(50));

		PointsTransaction entry = this.lots.spend(this.account, PointsTransactionKind.REDEEM, 45, days(1),
				EntryCause.order("redeem-1", null), "Redemption");

		assertThat(entry.getPoints()).isEqualTo(-45);
		assertThat(entry.getLots()).extracting(PointsLotMovement::getLotId, PointsLotMovement::getPoints)
			.containsExactly(tuple(sooner.id("c1"), -20L), tuple(later.id("c1"), -25L));
		assertThat(this.account.lots).as("an emptied lot is gone").containsExactly(pending, later);
		assertThat(later.remaining).isEqualTo(5);
		assertThat(pending.remaining).isEqualTo(1000);
	}

	@Test
	void shouldSpendExactlyEverythingAvailable() {
		availableLot(this.account, 30, 300);
		availableLot(this.account, 20, 100);

		PointsTransaction entry = this.lots.spend(this.account, PointsTransactionKind.REDEEM, 50, days(1),
				EntryCause.order("redeem-1", null), "Redemption");

		assertThat(this.account.lots).isEmpty();
		assertThat(entry.getAvailableAfter()).isZero();
	}

	@Test
	void shouldRefuseToSpendMoreThanIsAvailableForTheCallerMustHaveChecked() {
		availableLot(this.account, 30, 300);

		assertThatIllegalStateException().isThrownBy(() -> this.lots.spend(this.account, PointsTransactionKind.REDEEM,
				31, days(1), EntryCause.order("redeem-1", null), "Redemption"));
	}

	@Test
	void shouldTakeBackFromTheOrdersOwnLotFirstThenTheSoonestExpiringPendingIncluded() {
		Lot other = availableLot(this.account, 10, 100);
		Lot pending = lot(this.account, "o2", 10, days(20), days(200));
		Lot own = lot(this.account, "o1", 5, T0, days(300));
		List<PointsLotMovement> movements = new ArrayList<>();

		long missing = this.lots.takeBack(this.account, own.sequence, 20, movements);

		assertThat(missing).isZero();
		assertThat(movements).extracting(PointsLotMovement::getLotId, PointsLotMovement::getPoints)
			.containsExactly(tuple(own.id("c1"), -5L), tuple(other.id("c1"), -10L), tuple(pending.id("c1"), -5L));
	}

	@Test
	void shouldSayWhatItCouldNotTakeBack() {
		Lot own = availableLot(this.account, 5, 100);
		List<PointsLotMovement> movements = new ArrayList<>();

		long missing = this.lots.takeBack(this.account, own.sequence, 20, movements);

		assertThat(missing).isEqualTo(15);
		assertThat(this.account.lots).isEmpty();
	}

	@Test
	void shouldKeepLotsInSpendingOrderByExpiryThenAvailabilityThenSequence() {
		Lot third = lot(this.account, null, 1, days(5), days(100));
		Lot second = lot(this.account, null, 1, days(1), days(100));
		Lot fourth = lot(this.account, null, 1, days(5), days(100));
		Lot first = lot(this.account, null, 1, days(9), days(99));

		assertThat(this.account.lots).containsExactly(first, second, third, fourth);
	}

}
