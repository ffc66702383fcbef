package io.loyaltypulse.churn.dashboard;

import io.loyaltypulse.events.ChurnAlertActionStatus;

/**
 * The topology refused a manager's action (no such alert, not allowed in its state, or
 * against a rule); the page shows its explanation.
 */
class ActionRefusedException extends RuntimeException {

	private final ChurnAlertActionStatus outcome;

	ActionRefusedException(ChurnAlertActionStatus outcome, String explanation) {
		super(explanation);
		this.outcome = outcome;
	}

	/** The topology's decision: NOT_FOUND, CONFLICT or INVALID. */
	ChurnAlertActionStatus outcome() {
		return this.outcome;
	}

}
