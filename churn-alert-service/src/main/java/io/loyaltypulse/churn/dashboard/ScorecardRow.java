package io.loyaltypulse.churn.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of the loyalty scorecard: {@code change = current - previous};
 * {@code onTarget = current >= target} (or {@code <=} where lower is better); either is
 * null when a figure is missing (no orders, a withheld NPS, no target).
 *
 * @param metric what is measured
 * @param unit how it is written: {@code %}, a currency, or empty
 * @param lowerIsBetter whether a fall is good news (complaints)
 * @param target the configured target
 * @param current this quarter's figure
 * @param previous the quarter before's figure
 * @param basis what the current figure is computed from, e.g. {@code 12 of 40 customers}
 */
public record ScorecardRow(String metric, String unit, boolean lowerIsBetter, BigDecimal target, BigDecimal current,
		BigDecimal previous, String basis) {

	/** The change from the previous quarter, or null. */
	public BigDecimal change() {
		return (this.current != null && this.previous != null) ? this.current.subtract(this.previous) : null;
	}

	/** Whether the current figure meets the target, or null when either is missing. */
	public Boolean onTarget() {
		if (this.current == null || this.target == null) {
			return null;
		}
		int comparison = this.current.compareTo(this.target);
		return this.lowerIsBetter ? comparison <= 0 : comparison >= 0;
	}

	/** Whether the change is an improvement, or null when there is no change to judge. */
	public Boolean improved() {
		BigDecimal change = change();
		if (change == null || change.signum() == 0) {
			return null;
		}
		return this.lowerIsBetter ? change.signum() < 0 : change.signum() > 0;
	}

	/** A figure as the page writes it: one decimal, or two for money. */
	public String format(BigDecimal value) {
		if (value == null) {
			return "—";
		}
		// A unit of three capitals is an ISO 4217 currency (the value currency).
		int scale = this.unit.matches("[A-Z]{3}") ? 2 : 1;
		return value.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
	}

}
