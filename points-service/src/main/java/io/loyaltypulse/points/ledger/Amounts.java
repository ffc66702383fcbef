package io.loyaltypulse.points.ledger;

import java.math.BigDecimal;

/** Money as the ledger's explanations show it. */
final class Amounts {

	private Amounts() {
	}

	/** The amount without trailing zeros or an exponent: 19.9, 20, 0.05. */
	static String plain(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
	}

}
