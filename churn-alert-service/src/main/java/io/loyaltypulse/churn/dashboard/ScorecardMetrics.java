package io.loyaltypulse.churn.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The scorecard's figures that join two services:
 * {@code complaints per 1,000 orders = 1000 x complaints filed (survey-service) / orders (this service)};
 * null without orders (a rate of nothing is not 0).
 */
final class ScorecardMetrics {

	private ScorecardMetrics() {
	}

	/** {@code 1000 x count / orders}, or null without orders. */
	static BigDecimal perThousandOrders(long count, long orders) {
		return (orders == 0) ? null
				: BigDecimal.valueOf(1000 * count).divide(BigDecimal.valueOf(orders), 4, RoundingMode.HALF_EVEN);
	}

	/** A ratio of the scorecard API (0 to 1) in percent, or null. */
	static BigDecimal percent(BigDecimal ratio) {
		return (ratio != null) ? ratio.movePointRight(2) : null;
	}

}
