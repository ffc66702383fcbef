package io.loyaltypulse.points.ledger;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a customer's order did to their points, kept so that refunds are exact: the points
 * each line earned, what was already taken back, and the points redeemed against the
 * order and already restored. Persisted as part of {@link CustomerAccount}.
 */
final class OrderRecord {

	/** When the order was earned on (epoch millis); 0 if only redeemed against. */
	long earnedAt;

	/** The EARN lot, if the order earned points. */
	String lotId;

	/** What the customer paid, in the order currency; null if only redeemed against. */
	BigDecimal total;

	String currency;

	/** Points earned on the order. */
	long points;

	/** Points earned per line id. */
	Map<String, LineRecord> lines = new LinkedHashMap<>();

	/** Money refunded so far, in the order currency. */
	BigDecimal refunded = BigDecimal.ZERO;

	/** Earned points taken back so far (including any shortfall recorded). */
	long reversed;

	/** Points redeemed against the order. */
	long redeemed;

	/** Redeemed points given back by refunds so far. */
	long restored;

	boolean wasEarned() {
		return this.total != null;
	}

	/** Points one line earned and how many of its units were refunded. */
	static final class LineRecord {

		int quantity;

		long points;

		int refundedQuantity;

		LineRecord() {
		}

		LineRecord(int quantity, long points) {
			this.quantity = quantity;
			this.points = points;
		}

		/**
		 * Points to take back when the refunded units grow to {@code refundedQuantity}:
		 * cumulative and rounded down, so refunding every unit, in any number of steps,
		 * takes back exactly what the line earned.
		 */
		long reversalFor(int newRefundedQuantity) {
			return Math.multiplyExact(this.points, newRefundedQuantity) / this.quantity
					- Math.multiplyExact(this.points, this.refundedQuantity) / this.quantity;
		}

	}

}
