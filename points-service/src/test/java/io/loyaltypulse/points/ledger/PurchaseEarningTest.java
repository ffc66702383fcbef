package io.loyaltypulse.points.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsTierChanged;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.points.Events;
import io.loyaltypulse.points.InvalidEventException;
import io.loyaltypulse.points.PointsTestRules;
import io.loyaltypulse.points.earning.EarningCalculator;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.T0;
import static io.loyaltypulse.points.ledger.LedgerFixtures.TIERS;
import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static io.loyaltypulse.points.ledger.LedgerFixtures.availableLot;
import static io.loyaltypulse.points.ledger.LedgerFixtures.days;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PurchaseEarningTest {

	static final Duration RETURN_WINDOW = Duration.ofDays(30);

	final PurchaseEarning earning = new PurchaseEarning(new EarningCalculator(PointsTestRules.EARNING), TIERS,
			LedgerFixtures.lots(), LedgerFixtures.timeline(), RETURN_WINDOW);

	final CustomerAccount account = account();

	final InMemoryHistory history = new InMemoryHistory();

	final List<SpecificRecord> out = new ArrayList<>();

	@Test
	void shouldEarnPointsThatStayPendingUntilTheReturnWindowEnds() {
		this.earning.apply(this.account, this.history,
				Events.purchase("c1", "o1", T0).line("1", "GROCERY", 2, "4.50").line("2", "BOOKS", 3, "19.99").build(),
				this.out);

		assertThat(this.out).singleElement().isInstanceOfSatisfying(PointsTransaction.class, (earn) -> {
			assertThat(earn.getKind()).isEqualTo(PointsTransactionKind.EARN);
			// 9 + 119.94 x ... rounded DOWN per line: 9 + 119
			assertThat(earn.getPoints()).isEqualTo(128);
			assertThat(earn.getAvailableAt()).isEqualTo(T0.plus(RETURN_WINDOW));
			assertThat(earn.getPendingAfter()).isEqualTo(128);
			assertThat(earn.getAvailableAfter()).isZero();
			assertThat(earn.getOrderId()).isEqualTo("o1");
			assertThat(earn.getExplanation()).endsWith("; pending until the return window ends");
		});
		OrderRecord order = this.history.order("o1");
		assertThat(order.points).isEqualTo(128);
		assertThat(order.lotSequence).isEqualTo(1);
		assertThat(order.lines.get("2").points).as("what a refund of the line takes back").isEqualTo(119);
	}

	@Test
	void shouldEarnWithTheMultiplierOfTheTierHeldAndUpgradeAtOnce() {
		this.earning.apply(this.account, this.history,
				Events.purchase("c1", "o1", T0).line("1", "GROCERY", 1, "600.00").build(), this.out);
		this.earning.apply(this.account, this.history,
				Events.purchase("c1", "o2", days(1)).line("1", "GROCERY", 1, "100.00").build(), this.out);

		assertThat(this.out)
			.extracting((change) -> (change instanceof PointsTransaction entry) ? entry.getPoints()
					: ((PointsTierChanged) change).getToTier())
			.as("600 -> SILVER at once; then 100 x 1.25")
			.containsExactly(600L, "SILVER", 125L);
	}

	@Test
	void shouldChangeNothingWhenThePurchaseIsDeliveredAgain() {
		PurchaseCompleted purchase = Events.purchase("c1", "o1", T0).line("1", "GROCERY", 1, "10.00").build();
		this.earning.apply(this.account, this.history, purchase, this.out);
		this.out.clear();

		this.earning.apply(this.account, this.history, purchase, this.out);

		assertThat(this.out).isEmpty();
		assertThat(this.account.sequence).isEqualTo(1);
	}

	@Test
	void shouldRefuseTheSameOrderUnderAnotherEventId() {
		this.earning.apply(this.account, this.history,
				Events.purchase("c1", "o1", T0).line("1", "GROCERY", 1, "10.00").build(), this.out);

		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> this.earning.apply(this.account,
				this.history,
				Events.purchase("c1", "o1", T0).eventId("another").line("1", "GROCERY", 1, "10.00").build(), this.out))
			.withMessageContaining("already earned points under another eventId");
	}

	@Test
	void shouldRememberAnOrderThatEarnedNothingSoThatItsRefundIsKnown() {
		this.earning.apply(this.account, this.history,
				Events.purchase("c1", "free", T0).line("1", "GROCERY", 1, "0.00").build(), this.out);

		assertThat(this.out).isEmpty();
		assertThat(this.history.order("free").wasEarned()).isTrue();
		assertThat(this.history.order("free").lotSequence).isZero();
	}

	@Test
	void shouldKeepWhatWasRedeemedAgainstTheOrderBeforeItWasPurchased() {
		OrderRecord paidWithPoints = new OrderRecord("o1", T0.toEpochMilli());
		paidWithPoints.redeemed = 50;
		this.history.saveOrder(paidWithPoints);

		this.earning.apply(this.account, this.history,
				Events.purchase("c1", "o1", days(10)).line("1", "GROCERY", 1, "40.00").build(), this.out);

		OrderRecord order = this.history.order("o1");
		assertThat(order.redeemed).isEqualTo(50);
		assertThat(order.storedAt).as("kept for the retention after the purchase").isEqualTo(days(10).toEpochMilli());
	}

	@Test
	void shouldApplyWhatFellDueBeforeThePurchaseFirst() {
		availableLot(this.account, 7, 5);

		this.earning.apply(this.account, this.history,
				Events.purchase("c1", "o1", days(6)).line("1", "GROCERY", 1, "10.00").build(), this.out);

		assertThat(this.out).extracting((change) -> ((PointsTransaction) change).getKind())
			.containsExactly(PointsTransactionKind.EXPIRE, PointsTransactionKind.EARN);
	}

	@Test
	void shouldRefusePointsBeyondALongRatherThanWrapAround() {
		PurchaseCompleted absurd = Events.purchase("c1", "o1", T0)
			.line("1", "BOOKS", Integer.MAX_VALUE, "10000000000.00")
			.build();

		assertThatExceptionOfType(ArithmeticException.class)
			.isThrownBy(() -> this.earning.apply(this.account, this.history, absurd, this.out));
	}

}
