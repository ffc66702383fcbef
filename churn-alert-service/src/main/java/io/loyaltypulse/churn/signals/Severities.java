package io.loyaltypulse.churn.signals;

import io.loyaltypulse.events.ChurnAlertSeverity;

/** Steps on the severity scale. */
final class Severities {

	private Severities() {
	}

	/** One level up, at most CRITICAL. */
	static ChurnAlertSeverity raise(ChurnAlertSeverity severity) {
		ChurnAlertSeverity[] all = ChurnAlertSeverity.values();
		return all[Math.min(severity.ordinal() + 1, all.length - 1)];
	}

}
