package io.loyaltypulse.points.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsLotMovement;
import io.loyaltypulse.events.PointsRedemptionRequested;
import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.events.PointsRequestStatus;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.points.Events;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static io.loyaltypulse.points.ledger.LedgerFixtures.availableLot;
import static io.loyaltypulse.points.ledger.LedgerFixtures.days;
import static io.loyaltypulse.points.ledger.LedgerFixtures.lot;
import static org.assertj.core.api.Assertions.assertThat;

class RedemptionsTest {

	final Redemptions redemptions = new Redemptions(new RequestDecisions(), LedgerFixtures.lots(),
			LedgerFixtures.timeline());

	final CustomerAccount account = account();

	final InMemoryHistory history = new InMemoryHistory();

	final List<SpecificRecord> out = new ArrayList<>();

	@Test
	void shouldApproveAndSpendTheSoonestExpiringLotsFirst() {
		Lot later = availableLot(this.account, 100, 300);
		Lot sooner = availableLot(this.account, 30, 100);

		redeem(Events.redemption("c1", "k1", 60, null, days(1)));

		assertThat(this.out.get(0)).isInstanceOfSatisfying(PointsTransaction.class, (entry) -> {
			assertThat(entry.getKind()).isEqualTo(PointsTransactionKind.REDEEM);
			assertThat(entry.getPoints()).isEqualTo(-60);
			assertThat(entry.getLots()).extracting(PointsLotMovement::getLotId)
				.containsExactly(sooner.id("c1"), later.id("c1"));
		});
		assertThat(outcome(1).getStatus()).isEqualTo(PointsRequestStatus.APPROVED);
		assertThat(outcome(1).getTransactionId()).isEqualTo("c1:3");
		assertThat(outcome(1).getAvailableAfter()).isEqualTo(70);
	}

	@Test
	void shouldApproveARedemptionOfExactlyThePointsAvailable() {
		availableLot(this.account, 60, 300);

		redeem(Events.redemption("c1", "k1", 60, null, days(1)));

		assertThat(outcome(1).getStatus()).isEqualTo(PointsRequestStatus.APPROVED);
		assertThat(this.account.lots).isEmpty();
	}

	@Test
	void shouldRefuseMoreThanIsAvailableForPendingPointsCannotBeSpent() {
		availableLot(this.account, 59, 300);
		lot(this.account, "o1", 1000, days(30), days(300));

		redeem(Events.redemption("c1", "k1", 60, null, days(1)));

		assertThat(this.out).singleElement().isInstanceOfSatisfying(PointsRequestOutcome.class, (outcome) -> {
			assertThat(outcome.getStatus()).isEqualTo(PointsRequestStatus.INSUFFICIENT_POINTS);
			assertThat(outcome.getExplanation()).isEqualTo("60 points requested, 59 available");
			assertThat(outcome.getPendingAfter()).isEqualTo(1000);
		});
	}

	@Test
	void shouldNeverSayANegativeBalanceIsAvailable() {
		this.account.debt = 25;

		redeem(Events.redemption("c1", "k1", 1, null, days(1)));

		assertThat(outcome(0).getExplanation()).isEqualTo("1 points requested, 0 available");
		assertThat(outcome(0).getAvailableAfter()).isEqualTo(-25);
	}

	@Test
	void shouldRefuseARedemptionOfNoPoints() {
		availableLot(this.account, 100, 300);

		redeem(Events.redemption("c1", "k1", 0, null, days(1)));

		assertThat(outcome(0).getStatus()).isEqualTo(PointsRequestStatus.INVALID);
		assertThat(outcome(0).getExplanation()).isEqualTo("a redemption must be of at least 1 point");
	}

	@Test
	void shouldRefuseARedemptionAgainstAFullyRefundedOrder() {
		availableLot(this.account, 100, 300);
		OrderRecord refunded = new OrderRecord("o1", days(0).toEpochMilli());
		refunded.earnEventId = "purchase-o1";
		refunded.total = new BigDecimal("10.00");
		refunded.currency = "EUR";
		refunded.refunded = new BigDecimal("10.00");
		this.history.saveOrder(refunded);

		redeem(Events.redemption("c1", "k1", 10, "o1", days(1)));

		assertThat(outcome(0).getStatus()).isEqualTo(PointsRequestStatus.INVALID);
		assertThat(outcome(0).getExplanation()).contains("order o1 is fully refunded");
	}

	@Test
	void shouldCountPointsRedeemedAgainstAnOrderNotYetPurchased() {
		availableLot(this.account, 100, 300);

		redeem(Events.redemption("c1", "k1", 30, "o9", days(1)));
		redeem(Events.redemption("c1", "k2", 20, "o9", days(2)));

		OrderRecord order = this.history.order("o9");
		assertThat(order.redeemed).isEqualTo(50);
		assertThat(order.wasEarned()).isFalse();
		assertThat(order.storedAt).as("from the first redemption").isEqualTo(days(1).toEpochMilli());
	}

	@Test
	void shouldAnswerARetryWithoutSpendingAgain() {
		availableLot(this.account, 100, 300);
		PointsRedemptionRequested request = Events.redemption("c1", "k1", 60, null, days(1));

		redeem(request);
		redeem(request);

		assertThat(this.out).filteredOn(PointsTransaction.class::isInstance).hasSize(1);
		assertThat(outcome(2).getStatus()).isEqualTo(PointsRequestStatus.APPROVED);
		assertThat(this.account.available(days(2).toEpochMilli())).isEqualTo(40);
	}

	@Test
	void shouldRefuseAnotherRedemptionUnderTheSameKeyAsAConflict() {
		availableLot(this.account, 100, 300);

		redeem(Events.redemption("c1", "k1", 60, null, days(1)));
		redeem(Events.redemption("c1", "k1", 70, null, days(2)));

		assertThat(outcome(2).getStatus()).isEqualTo(PointsRequestStatus.IDEMPOTENCY_CONFLICT);
		assertThat(this.account.available(days(2).toEpochMilli())).isEqualTo(40);
	}

	private void redeem(PointsRedemptionRequested request) {
		this.redemptions.apply(this.account, this.history, request, this.out);
	}

	private PointsRequestOutcome outcome(int index) {
		return (PointsRequestOutcome) this.out.get(index);
	}

}
