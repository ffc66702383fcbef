package io.loyaltypulse.points.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsLotMovement;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.points.Events;
import io.loyaltypulse.points.InvalidEventException;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.T0;
import static io.loyaltypulse.points.ledger.LedgerFixtures.TIERS;
import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static io.loyaltypulse.points.ledger.LedgerFixtures.availableLot;
import static io.loyaltypulse.points.ledger.LedgerFixtures.days;
import static io.loyaltypulse.points.ledger.LedgerFixtures.lot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Order o1 of 100.00 EUR earned 100 points: line 1 (3 units) 60, line 2 (1 unit) 40, in a
 * lot available since T0.
 */
class RefundReversalTest {

	final CustomerAccount account = account();

	final InMemoryHistory history = new InMemoryHistory();

	final List<SpecificRecord> out = new ArrayList<>();

	Lot orderLot;

	OrderRecord order;

	RefundReversalTest() {
		this.orderLot = lot(this.account, "o1", 100, T0, days(365));
		this.order = new OrderRecord("o1", T0.toEpochMilli());
		this.order.earnEventId = "purchase-o1";
		this.order.earnedAt = T0.toEpochMilli();
		this.order.total = new BigDecimal("100.00");
		this.order.currency = "EUR";
		this.order.points = 100;
		this.order.lotSequence = this.orderLot.sequence;
		this.order.lines.put("1", new OrderRecord.LineRecord(3, 60));
		this.order.lines.put("2", new OrderRecord.LineRecord(1, 40));
		this.history.saveOrder(this.order);
	}

	@Test
	void shouldTakeBackExactlyWhatTheOrderEarnedOverPartialRefunds() {
		refund(NegativeBalancePolicy.ALLOW_NEGATIVE, Events.refundAmount("c1", "o1", "r1", days(1), "33.33"));
		refund(NegativeBalancePolicy.ALLOW_NEGATIVE, Events.refundLines("c1", "o1", "r2", days(2), "20.00", "1", "1"));
		refund(NegativeBalancePolicy.ALLOW_NEGATIVE, Events.refundAmount("c1", "o1", "r3", days(3), "46.67"));

		assertThat(ledger()).extracting(PointsTransaction::getPoints).containsExactly(-33L, -20L, -47L);
		assertThat(this.account.lots).as("all 100 taken back").isEmpty();
		assertThat(this.history.order("o1").reversed).isEqualTo(100);
	}

	@Test
	void shouldTakeBackFromTheOrdersOwnLotBeforeLotsThatExpireSooner() {
		Lot sooner = availableLot(this.account, 10, 30);

		refund(NegativeBalancePolicy.ALLOW_NEGATIVE, Events.refundAmount("c1", "o1", "r1", days(1), "50.00"));

		assertThat(ledger()).singleElement()
			.satisfies((entry) -> assertThat(entry.getLots())
				.extracting(PointsLotMovement::getLotId, PointsLotMovement::getPoints)
				.containsExactly(tuple(this.orderLot.id("c1"), -50L)));
		assertThat(sooner.remaining).isEqualTo(10);
	}

	@Test
	void shouldTakeBackSpentPointsAnywayUnderAllowNegative() {
		this.orderLot.remaining = 20;

		refund(NegativeBalancePolicy.ALLOW_NEGATIVE, Events.refundAmount("c1", "o1", "r1", days(1), "100.00"));

		assertThat(ledger()).singleElement().satisfies((entry) -> {
			assertThat(entry.getPoints()).isEqualTo(-100);
			assertThat(entry.getShortfall()).isZero();
			assertThat(entry.getBalanceAfter()).isEqualTo(-80);
			assertThat(entry.getExplanation()).contains("80 of them were already spent").endsWith("(ALLOW_NEGATIVE)");
		});
		assertThat(this.account.debt).isEqualTo(80);
	}

	@Test
	void shouldRecordSpentPointsAsShortfallUnderCapAtZero() {
		this.orderLot.remaining = 20;

		refund(NegativeBalancePolicy.CAP_AT_ZERO, Events.refundAmount("c1", "o1", "r1", days(1), "100.00"));

		assertThat(ledger()).singleElement().satisfies((entry) -> {
			assertThat(entry.getPoints()).isEqualTo(-20);
			assertThat(entry.getShortfall()).isEqualTo(80);
			assertThat(entry.getBalanceAfter()).isZero();
			assertThat(entry.getExplanation()).contains("80 of them were already spent").endsWith("(CAP_AT_ZERO)");
		});
		assertThat(this.account.debt).isZero();
		assertThat(this.account.shortfall).isEqualTo(80);
	}

	@Test
	void shouldRestoreRedeemedPointsInProportionBeforeTakingBackEarnedOnes() {
		this.order.redeemed = 50;

		refund(NegativeBalancePolicy.ALLOW_NEGATIVE, Events.refundAmount("c1", "o1", "r1", days(1), "40.00"));
		refund(NegativeBalancePolicy.ALLOW_NEGATIVE, Events.refundAmount("c1", "o1", "r2", days(2), "60.00"));

		assertThat(ledger()).extracting(PointsTransaction::getKind, PointsTransaction::getPoints)
			.containsExactly(tuple(PointsTransactionKind.RESTORE_REDEEM, 20L),
					tuple(PointsTransactionKind.REVERSE_EARN, -40L), tuple(PointsTransactionKind.RESTORE_REDEEM, 30L),
					tuple(PointsTransactionKind.REVERSE_EARN, -60L));
		assertThat(ledger().get(0).getAvailableAt()).as("available at once").isEqualTo(days(1));
		assertThat(ledger().get(2).getExplanation())
			.contains("100 of 100 EUR refunded, so 50 of the 50 points redeemed against it are restored");
	}

	@Test
	void shouldChangeNothingWhenTheRefundIsDeliveredAgain() {
		PurchaseRefunded refund = Events.refundAmount("c1", "o1", "r1", days(1), "10.00");
		refund(NegativeBalancePolicy.ALLOW_NEGATIVE, refund);
		this.out.clear();

		refund(NegativeBalancePolicy.ALLOW_NEGATIVE, refund);

		assertThat(this.out).isEmpty();
	}

	@Test
	void shouldTakeQualifyingPointsBackOnTheDayTheyWereEarned() {
		TIERS.addQualifying(this.account.tiers, "c1", T0, 100, T0);

		refund(NegativeBalancePolicy.ALLOW_NEGATIVE, Events.refundAmount("c1", "o1", "r1", days(40), "30.00"));

		assertThat(TIERS.qualifying(this.account.tiers, days(40))).isEqualTo(70);
		assertThat(TIERS.qualifying(this.account.tiers, days(365)))
			.as("the take-back leaves the window with the earning")
			.isZero();
	}

	@Test
	void shouldRefuseARefundOfAnOrderItDoesNotKnow() {
		assertRefused(Events.refundAmount("c1", "o-unknown", "r1", days(1), "10.00"),
				"refund r1 of unknown order o-unknown of customer c1");
	}

	@Test
	void shouldRefuseARefundInAnotherCurrency() {
		assertRefused(PurchaseRefunded.newBuilder(Events.refundAmount("c1", "o1", "r1", days(1), "10.00"))
			.setCurrency("USD")
			.build(), "in USD of an order paid in EUR");
	}

	@Test
	void shouldRefuseARefundOfNothingOrOfMoreThanIsLeft() {
		refund(NegativeBalancePolicy.ALLOW_NEGATIVE, Events.refundAmount("c1", "o1", "r1", days(1), "60.00"));

		assertRefused(Events.refundAmount("c1", "o1", "r2", days(2), "40.01"),
				"is not positive or exceeds what is left of order o1");
		assertRefused(Events.refundAmount("c1", "o1", "r3", days(2), "0.00"),
				"is not positive or exceeds what is left of order o1");
	}

	private void refund(NegativeBalancePolicy policy, PurchaseRefunded refund) {
		new RefundReversal(LedgerFixtures.lots(), LedgerFixtures.timeline(), TIERS, new RefundOfSpentPoints(policy))
			.apply(this.account, this.history, refund, this.out);
	}

	private void assertRefused(PurchaseRefunded refund, String reason) {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> refund(NegativeBalancePolicy.ALLOW_NEGATIVE, refund))
			.withMessageContaining(reason);
	}

	private List<PointsTransaction> ledger() {
		return this.out.stream()
			.filter(PointsTransaction.class::isInstance)
			.map(PointsTransaction.class::cast)
			.toList();
	}

}
