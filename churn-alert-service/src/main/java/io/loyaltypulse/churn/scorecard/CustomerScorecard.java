package io.loyaltypulse.churn.scorecard;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One customer's scorecard state, bounded: the first order ever (time and id, only that),
 * and for the kept quarters (the {@code quarters} latest, up to the latest quarter of any
 * event of the customer seen) the orders with their refunds, the refunds still waiting
 * for their order, and the quarters with points earned or redeemed. Every change is
 * idempotent: an order is known by its id, a refund by its id, a points quarter is a set
 * member; an event of a quarter before the kept ones changes nothing but the first order.
 */
final class CustomerScorecard {

	/** Orders kept at most, over the kept quarters. */
	static final int MAX_ORDERS = 2_000;

	/** Refunds of one order at most. */
	static final int MAX_REFUNDS_PER_ORDER = 100;

	/** Refunds waiting for their order at most. */
	static final int MAX_PENDING_REFUNDS = 100;

	static final int NO_QUARTER = Integer.MIN_VALUE;

	private long firstOrderAt = Long.MAX_VALUE;

	private String firstOrderId;

	private int latestQuarter = NO_QUARTER;

	private final Map<String, Order> orders = new TreeMap<>();

	private final Map<String, PendingRefund> pendingRefunds = new TreeMap<>();

	private final NavigableSet<Integer> pointsQuarters = new TreeSet<>();

	CustomerScorecard() {
	}

	CustomerScorecard(long firstOrderAt, String firstOrderId, int latestQuarter, Collection<Order> orders,
			Collection<PendingRefund> pendingRefunds, Collection<Integer> pointsQuarters) {
		this.firstOrderAt = firstOrderAt;
		this.firstOrderId = firstOrderId;
		this.latestQuarter = latestQuarter;
		orders.forEach((order) -> this.orders.put(order.orderId(), order));
		pendingRefunds.forEach((refund) -> this.pendingRefunds.put(refund.refundId(), refund));
		this.pointsQuarters.addAll(pointsQuarters);
	}

	/**
	 * A completed order: it may become the first order ever, and is kept when its quarter
	 * is; the refunds that waited for it apply.
	 * @return whether anything changed
	 */
	boolean ordered(Order order, int quarters) {
		int quarter = Quarter.indexOf(order.at());
		boolean changed = advanceTo(quarter, quarters);
		if (order.at() < this.firstOrderAt
				|| (order.at() == this.firstOrderAt && order.orderId().compareTo(this.firstOrderId) < 0)) {
			this.firstOrderAt = order.at();
			this.firstOrderId = order.orderId();
			changed = true;
		}
		if (quarter < keptFrom(quarters) || this.orders.containsKey(order.orderId())) {
			return changed;
		}
		if (this.orders.size() >= MAX_ORDERS) {
			throw new ScorecardLimitException(
					"the customer has " + MAX_ORDERS + " orders in the scorecard's " + quarters + " quarters already");
		}
		this.orders.put(order.orderId(), order);
		this.pendingRefunds.values().removeIf((refund) -> {
			if (refund.orderId().equals(order.orderId())) {
				order.refund(refund.refundId(), refund.amount(), refund.currency());
				return true;
			}
			return false;
		});
		return true;
	}

	/**
	 * A refund: it reduces its order's net value, or waits for its order (an order not
	 * seen yet, or one of a quarter no longer kept: it then leaves with its quarter).
	 * @return whether anything changed
	 */
	boolean refunded(PendingRefund refund, int quarters) {
		int quarter = Quarter.indexOf(refund.at());
		boolean changed = advanceTo(quarter, quarters);
		if (quarter < keptFrom(quarters)) {
			return changed;
		}
		Order order = this.orders.get(refund.orderId());
		if (order != null) {
			return order.refund(refund.refundId(), refund.amount(), refund.currency()) || changed;
		}
		if (this.pendingRefunds.containsKey(refund.refundId())) {
			return changed;
		}
		if (this.pendingRefunds.size() >= MAX_PENDING_REFUNDS) {
			throw new ScorecardLimitException(
					"the customer has " + MAX_PENDING_REFUNDS + " refunds waiting for their orders already");
		}
		this.pendingRefunds.put(refund.refundId(), refund);
		return true;
	}

	/**
	 * Points earned or redeemed at {@code at}: the customer took part in the loyalty
	 * programme that quarter.
	 * @return whether anything changed
	 */
	boolean tookPart(long at, int quarters) {
		int quarter = Quarter.indexOf(at);
		boolean changed = advanceTo(quarter, quarters);
		if (quarter < keptFrom(quarters)) {
			return changed;
		}
		return this.pointsQuarters.add(quarter) || changed;
	}

	/** The first quarter kept (by index); every quarter before it is final. */
	int keptFrom(int quarters) {
		return (this.latestQuarter == NO_QUARTER) ? NO_QUARTER : this.latestQuarter - quarters + 1;
	}

	/**
	 * Moves the kept quarters on to end with {@code quarter}, if it is later, forgetting
	 * what leaves them.
	 */
	private boolean advanceTo(int quarter, int quarters) {
		if (quarter <= this.latestQuarter) {
			return false;
		}
		this.latestQuarter = quarter;
		int from = keptFrom(quarters);
		this.orders.values().removeIf((order) -> Quarter.indexOf(order.at()) < from);
		this.pendingRefunds.values().removeIf((refund) -> Quarter.indexOf(refund.at()) < from);
		this.pointsQuarters.headSet(from).clear();
		return true;
	}

	/** Whether {@code order} is the customer's first order ever (the earliest seen). */
	boolean isFirst(Order order) {
		return order.orderId().equals(this.firstOrderId);
	}

	boolean tookPartIn(int quarter) {
		return this.pointsQuarters.contains(quarter);
	}

	long firstOrderAt() {
		return this.firstOrderAt;
	}

	String firstOrderId() {
		return this.firstOrderId;
	}

	int latestQuarter() {
		return this.latestQuarter;
	}

	Collection<Order> orders() {
		return this.orders.values();
	}

	Collection<PendingRefund> pendingRefunds() {
		return this.pendingRefunds.values();
	}

	Collection<Integer> pointsQuarters() {
		return this.pointsQuarters;
	}

	/**
	 * A kept order: counted unless fully refunded (its refunds reach its total), worth
	 * its total net of its refunds. Refunds count only in the order's currency.
	 */
	static final class Order {

		private final String orderId;

		private final long at;

		private final String storeId;

		private final String region;

		private final BigDecimal total;

		private final String currency;

		private BigDecimal refunded;

		private final Set<String> refundIds;

		Order(String orderId, long at, String storeId, String region, BigDecimal total, String currency,
				BigDecimal refunded, Collection<String> refundIds) {
			this.orderId = orderId;
			this.at = at;
			this.storeId = storeId;
			this.region = region;
			this.total = total;
			this.currency = currency;
			this.refunded = refunded;
			this.refundIds = new LinkedHashSet<>(refundIds);
		}

		static Order of(String orderId, long at, String storeId, String region, BigDecimal total, String currency) {
			return new Order(orderId, at, storeId, region, total, currency, BigDecimal.ZERO, Set.of());
		}

		/**
		 * @return whether the refund was new and in the order's currency
		 */
		boolean refund(String refundId, BigDecimal amount, String refundCurrency) {
			if (!this.currency.equals(refundCurrency) || this.refundIds.contains(refundId)) {
				// A refund in another currency is never converted: it would misstate the
				// value.
				return false;
			}
			if (this.refundIds.size() >= MAX_REFUNDS_PER_ORDER) {
				throw new ScorecardLimitException(
						"order " + this.orderId + " has " + MAX_REFUNDS_PER_ORDER + " refunds already");
			}
			this.refundIds.add(refundId);
			this.refunded = this.refunded.add(amount);
			return true;
		}

		/** Not fully refunded: no refund, or refunds short of the total. */
		boolean counts() {
			return this.refundIds.isEmpty() || this.refunded.compareTo(this.total) < 0;
		}

		BigDecimal netValue() {
			return this.total.subtract(this.refunded);
		}

		String orderId() {
			return this.orderId;
		}

		long at() {
			return this.at;
		}

		String storeId() {
			return this.storeId;
		}

		String region() {
			return this.region;
		}

		BigDecimal total() {
			return this.total;
		}

		String currency() {
			return this.currency;
		}

		BigDecimal refunded() {
			return this.refunded;
		}

		Set<String> refundIds() {
			return this.refundIds;
		}

	}

	/**
	 * A refund, as kept while it waits for its order.
	 *
	 * @param refundId the refund's id
	 * @param orderId the order refunded
	 * @param at when (epoch millis)
	 * @param amount money returned, in {@code currency}
	 * @param currency the refund's currency
	 */
	record PendingRefund(String refundId, String orderId, long at, BigDecimal amount, String currency) {
	}

}
