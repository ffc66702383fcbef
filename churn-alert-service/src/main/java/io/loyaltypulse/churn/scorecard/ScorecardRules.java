package io.loyaltypulse.churn.scorecard;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;
import org.apache.avro.specific.SpecificRecord;

/**
 * {@code contribution(customer, quarter, slice) = Figures over the customer's counted orders
 * in that quarter and slice}, and
 * {@code delta = contribution after an event - contribution
 * before}, over the kept quarters: what an event changes in the scorecard.
 *
 * <p>
 * Points count as taking part when earned ({@code EARN}: for a purchase; {@code BONUS}:
 * for a survey answer, a review, a referral) or redeemed ({@code REDEEM}); reversals,
 * restores, expiries and adjustments are the programme's book-keeping, not something the
 * customer did.
 */
final class ScorecardRules {

	/** The ledger entries that say the customer took part in the programme. */
	static final Set<PointsTransactionKind> TAKING_PART = EnumSet.of(PointsTransactionKind.EARN,
			PointsTransactionKind.BONUS, PointsTransactionKind.REDEEM);

	private final String valueCurrency;

	private final int quarters;

	/**
	 * @param valueCurrency the currency of the values; orders in others are counted, not
	 * valued
	 * @param quarters the quarters kept per customer (events of earlier quarters change
	 * nothing)
	 */
	ScorecardRules(String valueCurrency, int quarters) {
		if (quarters < 1) {
			throw new IllegalArgumentException("the scorecard keeps at least 1 quarter, not " + quarters);
		}
		this.valueCurrency = valueCurrency;
		this.quarters = quarters;
	}

	/** Whether the scorecard reads this kind of event. */
	static boolean reads(SpecificRecord event) {
		return event instanceof PurchaseCompleted || event instanceof PurchaseRefunded
				|| (event instanceof PointsTransaction entry && TAKING_PART.contains(entry.getKind()));
	}

	/**
	 * Applies an event the scorecard reads.
	 * @return whether the customer's scorecard changed (a repeated event changes nothing)
	 */
	boolean apply(CustomerScorecard scorecard, SpecificRecord event) {
		return switch (event) {
			case PurchaseCompleted purchase -> scorecard.ordered(
					CustomerScorecard.Order.of(purchase.getOrderId(), purchase.getOccurredAt().toEpochMilli(),
							purchase.getStoreId(), purchase.getRegion(), purchase.getTotal(), purchase.getCurrency()),
					this.quarters);
			case PurchaseRefunded refund -> scorecard.refunded(
					new CustomerScorecard.PendingRefund(refund.getRefundId(), refund.getOrderId(),
							refund.getOccurredAt().toEpochMilli(), refund.getAmount(), refund.getCurrency()),
					this.quarters);
			case PointsTransaction entry -> TAKING_PART.contains(entry.getKind())
					&& scorecard.tookPart(entry.getOccurredAt().toEpochMilli(), this.quarters);
			default -> false;
		};
	}

	/** The customer's figures in each kept quarter and slice where they have any. */
	SortedMap<Cell, Figures> contributions(CustomerScorecard scorecard) {
		Map<Cell, Tally> tallies = new TreeMap<>();
		int from = scorecard.keptFrom(this.quarters);
		for (CustomerScorecard.Order order : scorecard.orders()) {
			int quarter = Quarter.indexOf(order.at());
			if (!order.counts() || quarter < from) {
				continue;
			}
			boolean returning = !scorecard.isFirst(order);
			boolean valued = this.valueCurrency.equals(order.currency());
			for (String slice : Slices.of(order.storeId(), order.region())) {
				tallies.computeIfAbsent(new Cell(quarter, slice), (cell) -> new Tally())
					.add(returning, valued, order.netValue());
			}
		}
		SortedMap<Cell, Figures> contributions = new TreeMap<>();
		tallies.forEach((cell, tally) -> contributions.put(cell, tally.figures(scorecard.tookPartIn(cell.quarter()))));
		return contributions;
	}

	/**
	 * What changed from {@code before} to {@code after}, by key, in the quarters still
	 * kept ({@code scorecard}'s, after the event): a quarter that left them keeps what it
	 * had.
	 */
	SortedMap<String, Figures> deltas(SortedMap<Cell, Figures> before, SortedMap<Cell, Figures> after,
			CustomerScorecard scorecard) {
		int from = scorecard.keptFrom(this.quarters);
		Set<Cell> cells = new TreeSet<>(before.keySet());
		cells.addAll(after.keySet());
		SortedMap<String, Figures> deltas = new TreeMap<>();
		for (Cell cell : cells) {
			Figures delta = after.getOrDefault(cell, Figures.ZERO).minus(before.getOrDefault(cell, Figures.ZERO));
			if (cell.quarter() >= from && !delta.isZero()) {
				deltas.put(cell.key(), delta);
			}
		}
		return deltas;
	}

	/** One customer's figures in one quarter and slice, being counted. */
	private static final class Tally {

		private long orders;

		private long returningOrders;

		private long otherCurrencyOrders;

		private long otherCurrencyReturningOrders;

		private BigDecimal returningOrderValue = BigDecimal.ZERO;

		void add(boolean returning, boolean valued, BigDecimal netValue) {
			this.orders++;
			this.otherCurrencyOrders += valued ? 0 : 1;
			if (returning) {
				this.returningOrders++;
				this.otherCurrencyReturningOrders += valued ? 0 : 1;
				this.returningOrderValue = valued ? this.returningOrderValue.add(netValue) : this.returningOrderValue;
			}
		}

		Figures figures(boolean tookPart) {
			return new Figures(1, (this.returningOrders > 0) ? 1 : 0, this.orders, this.returningOrders,
					this.otherCurrencyOrders, this.otherCurrencyReturningOrders, this.returningOrderValue,
					tookPart ? 1 : 0);
		}

	}

}
