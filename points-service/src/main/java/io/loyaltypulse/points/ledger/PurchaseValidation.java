package io.loyaltypulse.points.ledger;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

import io.loyaltypulse.events.OrderLine;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.points.InvalidEventException;

/**
 * A purchase can earn only if it adds up:
 * {@code lines not empty, line ids unique, quantity >= 1, unitPrice >= 0, 0 <= total <= sum quantity x unitPrice}.
 */
final class PurchaseValidation {

	private PurchaseValidation() {
	}

	/**
	 * @throws InvalidEventException naming what does not add up
	 */
	static void check(PurchaseCompleted purchase) {
		if (purchase.getLines().isEmpty()) {
			throw new InvalidEventException("purchase " + purchase.getOrderId() + " has no lines");
		}
		if (purchase.getTotal().signum() < 0) {
			throw new InvalidEventException("purchase " + purchase.getOrderId() + " has a negative total");
		}
		Set<String> lineIds = new HashSet<>();
		BigDecimal gross = BigDecimal.ZERO;
		for (OrderLine line : purchase.getLines()) {
			if (line.getQuantity() <= 0 || line.getUnitPrice().signum() < 0) {
				throw new InvalidEventException("purchase " + purchase.getOrderId() + " line " + line.getLineId()
						+ " has a quantity below 1 or a negative price");
			}
			if (!lineIds.add(line.getLineId())) {
				throw new InvalidEventException(
						"purchase " + purchase.getOrderId() + " repeats line id " + line.getLineId());
			}
			gross = gross.add(line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())));
		}
		// The total shares the order's discount out over its lines: a total above the
		// lines' gross would multiply every line's points instead.
		if (purchase.getTotal().compareTo(gross) > 0) {
			throw new InvalidEventException("purchase " + purchase.getOrderId() + " has a total of "
					+ Amounts.plain(purchase.getTotal()) + ", more than its lines' " + Amounts.plain(gross));
		}
	}

}
