package io.loyaltypulse.purchase.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The events' money: decimal(19,4). */
final class Money {

	static final int SCALE = 4;

	private Money() {
	}

	/**
	 * Widens to scale 4; validation has refused anything that would need rounding, so
	 * UNNECESSARY never throws here.
	 */
	static BigDecimal of(BigDecimal amount) {
		return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
	}

}
