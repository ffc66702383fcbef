package io.loyaltypulse.points.redemption;

import io.loyaltypulse.support.validation.Violations;

/**
 * Body of {@code POST /api/v1/admin/customers/{customerId}/adjustments}.
 *
 * @param points the correction, positive or negative, never zero, at most
 * {@link #MAX_POINTS} either way
 * @param reason why, for the audit trail
 * @param actor the administrator's id
 */
record AdjustmentRequest(Long points, String reason, String actor) {

	/**
	 * The largest correction: far above any real one, and far enough below
	 * {@code Long.MAX_VALUE} that no sum of balances can overflow.
	 */
	static final long MAX_POINTS = 1_000_000_000_000L;

	static final int MAX_REASON_LENGTH = 500;

	void validate(Violations violations) {
		if (violations.requireBetween("points", this.points, -MAX_POINTS, MAX_POINTS) && this.points == 0) {
			violations.add("points", "must not be 0");
		}
		violations.requireText("reason", this.reason, MAX_REASON_LENGTH);
		violations.requireText("actor", this.actor);
	}

}
