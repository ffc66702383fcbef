package io.loyaltypulse.points.ledger;

import java.math.BigDecimal;

import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.points.Events;
import io.loyaltypulse.points.InvalidEventException;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RefundSharesTest {

	@Test
	void shouldMoveNothingOfNoPointsOrOfAnOrderThatCostNothing() {
		assertThat(RefundShares.ofAmount(0, new BigDecimal("5"), new BigDecimal("10"))).isZero();
		assertThat(RefundShares.ofAmount(-3, new BigDecimal("5"), new BigDecimal("10"))).isZero();
		assertThat(RefundShares.ofAmount(100, BigDecimal.ZERO, BigDecimal.ZERO)).isZero();
	}

	@Test
	void shouldRoundTheShareOfAnAmountDown() {
		assertThat(RefundShares.ofAmount(10, new BigDecimal("1"), new BigDecimal("3"))).isEqualTo(3);
		assertThat(RefundShares.ofAmount(10, new BigDecimal("2.9999"), new BigDecimal("3"))).isEqualTo(9);
	}

	@Test
	void shouldMoveAllThatIsLeftWhenTheRestOfTheAmountIsRefunded() {
		assertThat(RefundShares.ofAmount(7, new BigDecimal("33.34"), new BigDecimal("33.34"))).isEqualTo(7);
	}

	@Test
	void shouldTakeBackExactlyWhatAnOrderEarnedOverPartialAmountRefunds() {
		// 100 points on 100.00; refunds of 33.33, 33.33, 33.34 of what is left each time
		long first = RefundShares.ofAmount(100, new BigDecimal("33.33"), new BigDecimal("100.00"));
		long second = RefundShares.ofAmount(100 - first, new BigDecimal("33.33"), new BigDecimal("66.67"));
		long third = RefundShares.ofAmount(100 - first - second, new BigDecimal("33.34"), new BigDecimal("33.34"));

		assertThat(new long[] { first, second, third }).containsExactly(33, 33, 34);
	}

	@Test
	void shouldTakeBackExactlyWhatALineEarnedWhenItsUnitsAreRefundedOneByOne() {
		OrderRecord order = order(3, 50);

		long first = RefundShares.ofLines(order, refundOfUnits(1));
		long second = RefundShares.ofLines(order, refundOfUnits(1));
		long third = RefundShares.ofLines(order, refundOfUnits(1));

		assertThat(new long[] { first, second, third }).as("floor(50/3), floor(100/3) - 16, 50 - 33")
			.containsExactly(16, 17, 17);
		assertThat(order.lines.get("1").refundedQuantity).isEqualTo(3);
	}

	@Test
	void shouldAddUpTheUnitsOfALineNamedTwice() {
		OrderRecord order = order(4, 100);

		assertThat(RefundShares.ofLines(order, Events.refundLines("c1", "o1", "r1", T0, "10", "1", "1", "1", "2")))
			.isEqualTo(75);
	}

	@Test
	void shouldNeverTakeBackMoreThanTheOrderHasLeft() {
		OrderRecord order = order(2, 100);
		order.reversed = 90;

		assertThat(RefundShares.ofLines(order, refundOfUnits(1))).isEqualTo(10);
	}

	@Test
	void shouldRefuseALineTheOrderDoesNotHave() {
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(
					() -> RefundShares.ofLines(order(2, 10), Events.refundLines("c1", "o1", "r1", T0, "1", "9", "1")))
			.withMessageContaining("names line 9 which order o1 does not have");
	}

	@Test
	void shouldRefuseMoreUnitsThanWereBoughtOrNone() {
		OrderRecord order = order(2, 10);
		RefundShares.ofLines(order, refundOfUnits(1));

		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> RefundShares.ofLines(order, refundOfUnits(2)))
			.withMessageContaining("returns more units of line 1 than were bought");
		assertThatExceptionOfType(InvalidEventException.class)
			.isThrownBy(() -> RefundShares.ofLines(order, refundOfUnits(0)));
	}

	@Test
	void shouldRefuseALineReversalBeyondALongRatherThanWrapAround() {
		OrderRecord order = order(3, Long.MAX_VALUE / 2);

		assertThatExceptionOfType(ArithmeticException.class)
			.isThrownBy(() -> RefundShares.ofLines(order, refundOfUnits(3)));
	}

	private static OrderRecord order(int units, long points) {
		OrderRecord order = new OrderRecord("o1", T0.toEpochMilli());
		order.points = points;
		order.lines.put("1", new OrderRecord.LineRecord(units, points));
		return order;
	}

	private static PurchaseRefunded refundOfUnits(int units) {
		return Events.refundLines("c1", "o1", "r1", T0, "1", "1", String.valueOf(units));
	}

}
