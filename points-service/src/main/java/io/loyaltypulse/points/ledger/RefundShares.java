package io.loyaltypulse.points.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;

import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.events.RefundedLine;
import io.loyaltypulse.points.InvalidEventException;

/**
 * The points a refund moves, rounded down but cumulative, so the last refund moves
 * exactly what is left:
 * {@code byLine = floor(linePoints x refundedUnits / units) - floor(linePoints x refundedUnitsBefore / units); byAmount = floor(pointsLeft x amount / amountLeft)}.
 *
 * <p>
 * Amounts are shared out over what is still unrefunded, so refunds by lines and by amount
 * can follow each other without counting a part twice.
 */
final class RefundShares {

	private RefundShares() {
	}

	/**
	 * The share {@code part / whole} of some points, rounded down; all of them when the
	 * part is the whole; none of no points or of nothing.
	 */
	static long ofAmount(long points, BigDecimal part, BigDecimal whole) {
		if (points <= 0 || whole.signum() <= 0) {
			return 0;
		}
		return BigDecimal.valueOf(points).multiply(part).divide(whole, 0, RoundingMode.DOWN).longValueExact();
	}

	/**
	 * Points to take back for the units the refund returns, line by line, and records the
	 * units as refunded; never more than the order has left to take back.
	 * @throws InvalidEventException if a line is not the order's or more units are
	 * returned than were bought
	 * @throws ArithmeticException if points times units overflow
	 */
	static long ofLines(OrderRecord order, PurchaseRefunded refund) {
		long reversal = 0;
		for (Map.Entry<String, Integer> refunded : unitsByLine(refund).entrySet()) {
			OrderRecord.LineRecord line = order.lines.get(refunded.getKey());
			if (line == null) {
				throw new InvalidEventException("refund " + refund.getRefundId() + " names line " + refunded.getKey()
						+ " which order " + refund.getOrderId() + " does not have");
			}
			int after = line.refundedQuantity + refunded.getValue();
			if (refunded.getValue() <= 0 || after > line.quantity) {
				throw new InvalidEventException("refund " + refund.getRefundId() + " returns more units of line "
						+ refunded.getKey() + " than were bought");
			}
			reversal += ofLine(line, after);
			line.refundedQuantity = after;
		}
		return Math.min(reversal, order.points - order.reversed);
	}

	/**
	 * Points to take back when the refunded units of a line grow to
	 * {@code refundedQuantityAfter}: refunding every unit, in any number of steps, takes
	 * back exactly what the line earned.
	 */
	static long ofLine(OrderRecord.LineRecord line, int refundedQuantityAfter) {
		return Math.multiplyExact(line.points, refundedQuantityAfter) / line.quantity
				- Math.multiplyExact(line.points, line.refundedQuantity) / line.quantity;
	}

	/** A line named twice in one refund returns the units of both. */
	private static Map<String, Integer> unitsByLine(PurchaseRefunded refund) {
		Map<String, Integer> units = new HashMap<>();
		for (RefundedLine line : refund.getLines()) {
			units.merge(line.getLineId(), line.getQuantity(), Integer::sum);
		}
		return units;
	}

}
