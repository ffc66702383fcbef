package io.loyaltypulse.churn.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The commerce figures of the loyalty scorecard for one quarter (UTC) and slice; also,
 * signed, one customer's change to them (a delta), which the aggregate sums. Only orders
 * that are not fully refunded count; values are net of refunds and in the value currency.
 *
 * @param activeCustomers customers with at least one counted order in the quarter, in the
 * slice
 * @param returningCustomers of those, the customers with at least one returning order
 * there: an order that is not the customer's first order ever (by occurredAt, then
 * orderId; at any store, in any currency, refunded or not)
 * @param orders counted orders in the quarter and slice, in any currency
 * @param returningOrders of those, the returning orders, in any currency
 * @param otherCurrencyOrders of {@code orders}, those not in the value currency: counted,
 * never in a value
 * @param otherCurrencyReturningOrders of {@code returningOrders}, those not in the value
 * currency
 * @param returningOrderValue the net value (total minus refunds) of the returning orders
 * in the value currency
 * @param participants active customers (in the quarter and slice) who earned (EARN,
 * BONUS) or redeemed (REDEEM) points in the quarter
 */
public record Figures(long activeCustomers, long returningCustomers, long orders, long returningOrders,
		long otherCurrencyOrders, long otherCurrencyReturningOrders, BigDecimal returningOrderValue,
		long participants) {

	public static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0);

	public Figures plus(Figures other) {
		return new Figures(this.activeCustomers + other.activeCustomers,
				this.returningCustomers + other.returningCustomers, this.orders + other.orders,
				this.returningOrders + other.returningOrders, this.otherCurrencyOrders + other.otherCurrencyOrders,
				this.otherCurrencyReturningOrders + other.otherCurrencyReturningOrders,
				this.returningOrderValue.add(other.returningOrderValue), this.participants + other.participants);
	}

	public Figures minus(Figures other) {
		return plus(other.negate());
	}

	Figures negate() {
		return new Figures(-this.activeCustomers, -this.returningCustomers, -this.orders, -this.returningOrders,
				-this.otherCurrencyOrders, -this.otherCurrencyReturningOrders, this.returningOrderValue.negate(),
				-this.participants);
	}

	/** Whether every figure is zero (a delta that changes nothing). */
	public boolean isZero() {
		return this.activeCustomers == 0 && this.returningCustomers == 0 && this.orders == 0
				&& this.returningOrders == 0 && this.otherCurrencyOrders == 0 && this.otherCurrencyReturningOrders == 0
				&& this.returningOrderValue.signum() == 0 && this.participants == 0;
	}

	/**
	 * {@code returningCustomers / activeCustomers}, to 4 decimals; empty without active
	 * customers.
	 */
	public Optional<BigDecimal> repeatPurchaseRate() {
		return ratio(this.returningCustomers, this.activeCustomers);
	}

	/**
	 * {@code participants / activeCustomers}, to 4 decimals; empty without active
	 * customers.
	 */
	public Optional<BigDecimal> participationRate() {
		return ratio(this.participants, this.activeCustomers);
	}

	/**
	 * The average order value of returning orders in the value currency:
	 * {@code returningOrderValue / (returningOrders - otherCurrencyReturningOrders)}, to
	 * 2 decimals (half even); empty without such orders.
	 */
	public Optional<BigDecimal> returningAov() {
		long valued = this.returningOrders - this.otherCurrencyReturningOrders;
		return (valued <= 0) ? Optional.empty()
				: Optional.of(this.returningOrderValue.divide(BigDecimal.valueOf(valued), 2, RoundingMode.HALF_EVEN));
	}

	private static Optional<BigDecimal> ratio(long part, long whole) {
		return (whole <= 0) ? Optional.empty()
				: Optional.of(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN));
	}

	/**
	 * Equal figures, whatever the scale of the value ({@code 10.5} and {@code 10.5000}).
	 */
	public boolean sameAs(Figures other) {
		return minus(other).isZero();
	}

}
