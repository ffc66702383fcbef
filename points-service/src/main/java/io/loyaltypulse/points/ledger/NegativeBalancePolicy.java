package io.loyaltypulse.points.ledger;

/**
 * What a refund does when the points it takes back were already spent.
 */
public enum NegativeBalancePolicy {

	/**
	 * Take them back anyway: the balance goes below zero, and later credits pay the debt
	 * first.
	 */
	ALLOW_NEGATIVE,

	/**
	 * Take back what is there, stop at zero, and record the rest as the entry's
	 * {@code shortfall}: never collected.
	 */
	CAP_AT_ZERO

}
