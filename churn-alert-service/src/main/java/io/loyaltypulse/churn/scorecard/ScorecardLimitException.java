package io.loyaltypulse.churn.scorecard;

/**
 * An event beyond one of a customer's scorecard bounds; the topology sends it to the
 * input's dead-letter topic with this reason, and the customer's scorecard stays as it
 * was.
 */
class ScorecardLimitException extends RuntimeException {

	ScorecardLimitException(String reason) {
		super(reason);
	}

}
