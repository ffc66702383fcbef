package io.loyaltypulse.churn.scorecard;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.loyaltypulse.events.PointsTransactionKind;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.churn.scorecard.ScorecardEvents.order;
import static io.loyaltypulse.churn.scorecard.ScorecardEvents.points;
import static io.loyaltypulse.churn.scorecard.ScorecardEvents.refund;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScorecardRulesTest {

	static final Instant JAN = Instant.parse("2026-01-15T10:00:00Z");

	static final Instant FEB = Instant.parse("2026-02-15T10:00:00Z");

	static final Instant MAY = Instant.parse("2026-05-15T10:00:00Z");

	static final Instant AUG = Instant.parse("2026-08-15T10:00:00Z");

	private final ScorecardRules rules = new ScorecardRules("EUR", 8);

	private final CustomerScorecard scorecard = new CustomerScorecard();

	@Test
	void shouldCountAFirstOrderAsActiveButNotReturning() {
		apply(order("c-1", "o-1", JAN, "S1", "north", "40.00", "EUR"));

		assertThat(contributions()).containsOnlyKeys("2026-Q1|all", "2026-Q1|store=S1", "2026-Q1|region=north");
		assertThat(contributions().get("2026-Q1|all")).isEqualTo(figures(1, 0, 1, 0, 0, 0, "0", 0));
	}

	@Test
	void shouldCountEveryLaterOrderAsReturningAtAnyStore() {
		apply(order("c-1", "o-1", JAN, "S1", "40.00"));
		apply(order("c-1", "o-2", FEB, "S2", "10.00"));
		apply(order("c-1", "o-3", MAY, "S1", "25.50"));

		Map<String, Figures> contributions = contributions();
		assertThat(contributions.get("2026-Q1|all").sameAs(figures(1, 1, 2, 1, 0, 0, "10.00", 0))).isTrue();
		assertThat(contributions.get("2026-Q1|store=S1").sameAs(figures(1, 0, 1, 0, 0, 0, "0", 0))).isTrue();
		assertThat(contributions.get("2026-Q1|store=S2").sameAs(figures(1, 1, 1, 1, 0, 0, "10.00", 0))).isTrue();
		assertThat(contributions.get("2026-Q2|store=S1").sameAs(figures(1, 1, 1, 1, 0, 0, "25.50", 0))).isTrue();
	}

	@Test
	void shouldTurnTheFirstOrderIntoAReturningOneWhenAnEarlierOrderArrivesLate() {
		apply(order("c-1", "o-2", MAY, "S2", "30.00"));
		SortedMap<Cell, Figures> before = this.rules.contributions(this.scorecard);

		apply(order("c-1", "o-1", JAN, "S1", "40.00"));

		SortedMap<String, Figures> deltas = this.rules.deltas(before, this.rules.contributions(this.scorecard),
				this.scorecard);
		assertThat(deltas).containsOnlyKeys("2026-Q1|all", "2026-Q1|store=S1", "2026-Q2|all", "2026-Q2|store=S2");
		assertThat(deltas.get("2026-Q1|all").sameAs(figures(1, 0, 1, 0, 0, 0, "0", 0))).isTrue();
		assertThat(deltas.get("2026-Q2|store=S2").sameAs(figures(0, 1, 0, 1, 0, 0, "30.00", 0))).isTrue();
	}

	@Test
	void shouldBreakATieOfTimesByOrderId() {
		apply(order("c-1", "o-b", JAN, "S1", "10.00"));
		apply(order("c-1", "o-a", JAN, "S2", "10.00"));

		assertThat(contributions().get("2026-Q1|store=S1").returningOrders()).isEqualTo(1);
		assertThat(contributions().get("2026-Q1|store=S2").returningOrders()).isZero();
	}

	@Test
	void shouldChangeNothingOnARepeatedEvent() {
		apply(order("c-1", "o-1", JAN, "S1", "40.00"));
		apply(refund("c-1", "r-1", "o-1", FEB, "5.00"));
		apply(points("c-1", 1, PointsTransactionKind.EARN, JAN));
		Map<String, Figures> once = contributions();

		assertThat(this.rules.apply(this.scorecard, order("c-1", "o-1", JAN, "S1", "40.00"))).isFalse();
		assertThat(this.rules.apply(this.scorecard, refund("c-1", "r-1", "o-1", FEB, "5.00"))).isFalse();
		assertThat(this.rules.apply(this.scorecard, points("c-1", 1, PointsTransactionKind.EARN, JAN))).isFalse();
		assertThat(contributions()).isEqualTo(once);
	}

	@Test
	void shouldLeaveOutAFullyRefundedOrderAndValueAPartlyRefundedOneNet() {
		apply(order("c-1", "o-1", JAN, "S1", "40.00"));
		apply(order("c-1", "o-2", FEB, "S1", "30.00"));
		apply(order("c-1", "o-3", FEB, "S1", "20.00"));
		apply(refund("c-1", "r-1", "o-2", FEB, "10.00"));
		apply(refund("c-1", "r-2", "o-3", FEB, "15.00"));
		apply(refund("c-1", "r-3", "o-3", FEB, "5.00"));

		assertThat(contributions().get("2026-Q1|all").sameAs(figures(1, 1, 2, 1, 0, 0, "20.00", 0))).isTrue();
	}

	@Test
	void shouldKeepTheFirstOrderFirstWhenItIsRefunded() {
		apply(order("c-1", "o-1", JAN, "S1", "40.00"));
		apply(refund("c-1", "r-1", "o-1", FEB, "40.00"));
		apply(order("c-1", "o-2", MAY, "S1", "30.00"));

		assertThat(contributions()).doesNotContainKey("2026-Q1|all");
		assertThat(contributions().get("2026-Q2|all").returningCustomers()).isEqualTo(1);
	}

	@Test
	void shouldApplyARefundThatArrivesBeforeItsOrder() {
		apply(refund("c-1", "r-1", "o-1", FEB, "10.00"));
		apply(refund("c-1", "r-1", "o-1", FEB, "10.00"));
		apply(order("c-1", "o-0", JAN, "S1", "5.00"));
		apply(order("c-1", "o-1", JAN, "S1", "40.00"));

		assertThat(contributions().get("2026-Q1|all").returningOrderValue()).isEqualByComparingTo("30.00");
		assertThat(this.scorecard.pendingRefunds()).isEmpty();
	}

	@Test
	void shouldCountOrdersInAnotherCurrencyWithoutValuingThem() {
		apply(order("c-1", "o-1", JAN, "S1", null, "40.00", "EUR"));
		apply(order("c-1", "o-2", FEB, "S1", null, "30.00", "USD"));
		apply(refund("c-1", "r-1", "o-2", FEB, "30.00", "EUR"));

		assertThat(contributions().get("2026-Q1|all").sameAs(figures(1, 1, 2, 1, 1, 1, "0", 0)))
			.as("a refund in another currency than its order's is never converted")
			.isTrue();
	}

	@Test
	void shouldCountParticipationOfEarningAndRedeemingInTheQuartersTheCustomerWasActive() {
		apply(order("c-1", "o-1", JAN, "S1", "north", "40.00", "EUR"));
		apply(order("c-1", "o-2", MAY, "S2", "south", "40.00", "EUR"));
		apply(points("c-1", 1, PointsTransactionKind.EXPIRE, MAY));
		apply(points("c-1", 2, PointsTransactionKind.ADJUST, MAY));
		apply(points("c-1", 3, PointsTransactionKind.REVERSE_EARN, MAY));
		apply(points("c-1", 4, PointsTransactionKind.RESTORE_REDEEM, MAY));
		assertThat(contributions().values()).allSatisfy((figures) -> assertThat(figures.participants()).isZero());

		apply(points("c-1", 5, PointsTransactionKind.REDEEM, AUG));
		apply(points("c-1", 6, PointsTransactionKind.BONUS, FEB));

		assertThat(contributions()).containsEntry("2026-Q1|all", figures(1, 0, 1, 0, 0, 0, "0", 1))
			.containsEntry("2026-Q1|region=north", figures(1, 0, 1, 0, 0, 0, "0", 1));
		assertThat(contributions().get("2026-Q2|store=S2").participants()).isZero();
		assertThat(contributions()).doesNotContainKey("2026-Q3|all");
	}

	@Test
	void shouldLeaveQuartersBeforeTheKeptOnesAsTheyAreButStillLearnTheFirstOrder() {
		ScorecardRules twoQuarters = new ScorecardRules("EUR", 2);
		twoQuarters.apply(this.scorecard, order("c-1", "o-2", FEB, "S1", "40.00"));
		SortedMap<Cell, Figures> before = twoQuarters.contributions(this.scorecard);

		twoQuarters.apply(this.scorecard, order("c-1", "o-3", AUG, "S1", "20.00"));
		SortedMap<String, Figures> deltas = twoQuarters.deltas(before, twoQuarters.contributions(this.scorecard),
				this.scorecard);

		assertThat(deltas).as("2026-Q1 left the kept quarters: its figures are final")
			.containsOnlyKeys("2026-Q3|all", "2026-Q3|store=S1")
			.containsEntry("2026-Q3|all", figures(1, 1, 1, 1, 0, 0, "20.0000", 0));
		assertThat(this.scorecard.orders()).hasSize(1);

		twoQuarters.apply(this.scorecard, order("c-1", "o-1", JAN, "S1", "10.00"));
		twoQuarters.apply(this.scorecard, points("c-1", 1, PointsTransactionKind.EARN, JAN));
		assertThat(twoQuarters.contributions(this.scorecard).keySet()).extracting(Cell::key)
			.containsExactly("2026-Q3|all", "2026-Q3|store=S1");
		assertThat(this.scorecard.firstOrderId()).isEqualTo("o-1");
	}

	@Test
	void shouldRefuseMoreRefundsWaitingThanItsBound() {
		for (int i = 0; i < CustomerScorecard.MAX_PENDING_REFUNDS; i++) {
			apply(refund("c-1", "r-" + i, "o-unknown", FEB, "1.00"));
		}

		assertThatThrownBy(() -> apply(refund("c-1", "r-last", "o-unknown", FEB, "1.00")))
			.isInstanceOf(ScorecardLimitException.class)
			.hasMessageContaining("waiting");
	}

	private void apply(SpecificRecord event) {
		this.rules.apply(this.scorecard, event);
	}

	private Map<String, Figures> contributions() {
		Map<String, Figures> byKey = new TreeMap<>();
		this.rules.contributions(this.scorecard).forEach((cell, figures) -> byKey.put(cell.key(), figures));
		return byKey;
	}

	static Figures figures(long active, long returning, long orders, long returningOrders, long otherCurrency,
			long otherCurrencyReturning, String value, long participants) {
		return new Figures(active, returning, orders, returningOrders, otherCurrency, otherCurrencyReturning,
				new BigDecimal(value), participants);
	}

}
