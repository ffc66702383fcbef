package io.loyaltypulse.points.ledger;

import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsAdjustmentRequested;
import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.events.PointsRequestStatus;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.points.Events;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.T0;
import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static io.loyaltypulse.points.ledger.LedgerFixtures.availableLot;
import static io.loyaltypulse.points.ledger.LedgerFixtures.days;
import static io.loyaltypulse.points.ledger.LedgerFixtures.lot;
import static org.assertj.core.api.Assertions.assertThat;

class AdjustmentsTest {

	final Adjustments adjustments = new Adjustments(new RequestDecisions(), LedgerFixtures.lots(),
			LedgerFixtures.timeline());

	final CustomerAccount account = account();

	final InMemoryHistory history = new InMemoryHistory();

	final List<SpecificRecord> out = new ArrayList<>();

	@Test
	void shouldCreditAnAdjustmentAvailableAtOnceInTheAdministratorsName() {
		adjust(Events.adjustment("c1", "k1", 25, T0));

		assertThat(this.out.get(0)).isInstanceOfSatisfying(PointsTransaction.class, (entry) -> {
			assertThat(entry.getKind()).isEqualTo(PointsTransactionKind.ADJUST);
			assertThat(entry.getPoints()).isEqualTo(25);
			assertThat(entry.getAvailableAfter()).isEqualTo(25);
			assertThat(entry.getActor()).isEqualTo("admin-7");
			assertThat(entry.getExplanation()).isEqualTo("Adjustment by admin-7: goodwill for a late delivery");
		});
		assertThat(outcome(1).getStatus()).isEqualTo(PointsRequestStatus.APPROVED);
	}

	@Test
	void shouldDebitUpToThePointsAvailable() {
		availableLot(this.account, 20, 300);

		adjust(Events.adjustment("c1", "k1", -20, days(1)));

		assertThat(this.out.get(0)).isInstanceOfSatisfying(PointsTransaction.class,
				(entry) -> assertThat(entry.getPoints()).isEqualTo(-20));
		assertThat(outcome(1).getStatus()).isEqualTo(PointsRequestStatus.APPROVED);
		assertThat(this.account.lots).isEmpty();
	}

	@Test
	void shouldNeverDebitBelowZeroNorPendingPoints() {
		availableLot(this.account, 20, 300);
		lot(this.account, "o1", 500, days(30), days(300));

		adjust(Events.adjustment("c1", "k1", -21, days(1)));

		assertThat(this.out).singleElement().isInstanceOfSatisfying(PointsRequestOutcome.class, (outcome) -> {
			assertThat(outcome.getStatus()).isEqualTo(PointsRequestStatus.INSUFFICIENT_POINTS);
			assertThat(outcome.getExplanation()).isEqualTo("21 points to debit, 20 available");
		});
	}

	@Test
	void shouldRefuseAnAdjustmentWithoutPointsReasonOrActor() {
		adjust(Events.adjustment("c1", "k1", 0, T0));
		adjust(PointsAdjustmentRequested.newBuilder(Events.adjustment("c1", "k2", 5, T0)).setReason(" ").build());
		adjust(PointsAdjustmentRequested.newBuilder(Events.adjustment("c1", "k3", 5, T0)).setActor("").build());

		assertThat(this.out).extracting((outcome) -> ((PointsRequestOutcome) outcome).getStatus())
			.containsOnly(PointsRequestStatus.INVALID)
			.hasSize(3);
		assertThat(this.account.lots).isEmpty();
	}

	@Test
	void shouldRefuseAnAdjustmentBeyondTheBoundThatKeepsBalancesFromWrappingAround() {
		adjust(Events.adjustment("c1", "k1", Long.MAX_VALUE, T0));
		adjust(Events.adjustment("c1", "k2", Long.MAX_VALUE, T0));
		adjust(Events.adjustment("c1", "k3", Long.MIN_VALUE, T0));
		adjust(Events.adjustment("c1", "k4", Adjustments.MAX_POINTS + 1, T0));

		assertThat(this.out).extracting((outcome) -> ((PointsRequestOutcome) outcome).getStatus())
			.containsOnly(PointsRequestStatus.INVALID)
			.hasSize(4);
		assertThat(this.account.lots).isEmpty();
	}

	@Test
	void shouldCreditTheLargestAdjustmentAllowed() {
		adjust(Events.adjustment("c1", "k1", Adjustments.MAX_POINTS, T0));

		assertThat(this.out.get(0)).isInstanceOfSatisfying(PointsTransaction.class,
				(entry) -> assertThat(entry.getAvailableAfter()).isEqualTo(Adjustments.MAX_POINTS));
	}

	@Test
	void shouldAnswerARetryWithoutCreditingAgain() {
		PointsAdjustmentRequested request = Events.adjustment("c1", "k1", 25, T0);

		adjust(request);
		adjust(request);

		assertThat(this.out).filteredOn(PointsTransaction.class::isInstance).hasSize(1);
		assertThat(outcome(2).getEventId()).endsWith(":outcome:2");
	}

	private void adjust(PointsAdjustmentRequested request) {
		this.adjustments.apply(this.account, this.history, request, this.out);
	}

	private PointsRequestOutcome outcome(int index) {
		return (PointsRequestOutcome) this.out.get(index);
	}

}
