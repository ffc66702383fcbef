package io.loyaltypulse.points.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a customer's order did to their points, kept so that refunds are exact: the points
 * each line earned, what was already taken back, and the points redeemed against the
 * order and already restored. Kept in {@link CustomerHistory} for the order retention
 * after {@link #storedAt}; persisted by {@link OrderRecordSerde}.
 */
public final class OrderRecord {

	String orderId;

	/**
	 * The time the record is stored under (epoch millis), which its retention counts
	 * from: the purchase's time, or a redemption's when one against the order came first
	 * (the purchase then moves it to its own time). A refund or redemption rewrites the
	 * record under the same time, so that it replaces it instead of adding another.
	 */
	long storedAt;

	/** The purchase event that earned on the order; null if only redeemed against. */
	String earnEventId;

	/**
	 * The refund events applied to the order: a redelivered one is recognised here, for
	 * as long as the order is kept.
	 */
	List<String> refundEventIds = new ArrayList<>();

	/** When the order was earned on (epoch millis); 0 if only redeemed against. */
	long earnedAt;

	/** The ledger sequence of the EARN lot; 0 if the order earned no points. */
	long lotSequence;

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

	OrderRecord() {
	}

	OrderRecord(String orderId, long storedAt) {
		this.orderId = orderId;
		this.storedAt = storedAt;
	}

	public String orderId() {
		return this.orderId;
	}

	public long storedAt() {
		return this.storedAt;
	}

	boolean wasEarned() {
		return this.total != null;
	}

	boolean isFullyRefunded() {
		return wasEarned() && this.total.signum() > 0 && this.refunded.compareTo(this.total) >= 0;
	}

	/**
	 * Points one line earned and how many of its units were refunded; what a refund of
	 * units takes back is {@link RefundShares#ofLine}.
	 */
	static final class LineRecord {

		int quantity;

		long points;

		int refundedQuantity;

		/** The item bought, for reviews; null on records written before reviews. */
		String sku;

		/** The review a bonus was paid for on this line; null if none. */
		String reviewId;

		/** Points of the review bonus paid; 0 if none. */
		long reviewBonus;

		/** The ledger sequence of the review bonus's lot; 0 if none. */
		long reviewLotSequence;

		/** Whether a refund took the review bonus back. */
		boolean reviewBonusReversed;

		LineRecord() {
		}

		LineRecord(int quantity, long points) {
			this(quantity, points, null);
		}

		LineRecord(int quantity, long points, String sku) {
			this.quantity = quantity;
			this.points = points;
			this.sku = sku;
		}

		/** Every unit of the line was refunded: the item was returned. */
		boolean isReturned() {
			return this.refundedQuantity >= this.quantity;
		}

	}

}
