package io.loyaltypulse.churn.signals;

import java.math.BigDecimal;
import java.util.Collection;

import io.loyaltypulse.events.ChurnAlertSeverity;

/**
 * {@code risk = sum(severity weight of each open signal) * (1 + log10(1 + value / valueUnit))},
 * severity weights LOW 1, MEDIUM 2, HIGH 3, CRITICAL 4: more signals and worse ones rank
 * higher, and of two customers in the same trouble the one who spends more comes first
 * (spending 9 value units doubles a customer's weight, 99 triples it).
 */
public final class RiskScore {

	private final BigDecimal valueUnit;

	/**
	 * @param valueUnit the unit of spend, in the value currency
	 */
	public RiskScore(BigDecimal valueUnit) {
		if (valueUnit.signum() <= 0) {
			throw new IllegalArgumentException("loyalty.churn.risk.value-unit must be positive");
		}
		this.valueUnit = valueUnit;
	}

	public double of(Collection<ChurnAlertSeverity> openSignals, BigDecimal customerValue) {
		double weight = openSignals.stream().mapToInt((severity) -> severity.ordinal() + 1).sum();
		double value = Math.max(0, customerValue.doubleValue() / this.valueUnit.doubleValue());
		return Math.round(weight * (1 + Math.log10(1 + value)) * 1000) / 1000.0;
	}

}
