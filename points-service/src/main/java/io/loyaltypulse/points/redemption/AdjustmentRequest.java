package io.loyaltypulse.points.redemption;

import io.loyaltypulse.points.ledger.PointsEngine;
import io.loyaltypulse.support.validation.ValidatedBody;
import io.loyaltypulse.support.validation.Violations;

/**
 * Body of {@code POST /api/v1/admin/customers/{customerId}/adjustments}.
 *
 * @param points the correction, positive or negative, never zero, at most
 * {@link #MAX_POINTS} either way
 * @param reason why, for the audit trail
 * @param actor the administrator's id
 */
record AdjustmentRequest(Long points, String reason, String actor) implements ValidatedBody {

	/** The engine's bound, refused here before anything is sent. */
	static final long MAX_POINTS = PointsEngine.MAX_ADJUSTMENT_POINTS;

	static final int MAX_REASON_LENGTH = 500;

	@Override
	public void validate(Violations violations) {
		if (violations.requireBetween("points", this.points, -MAX_POINTS, MAX_POINTS) && this.points == 0) {
			violations.add("points", "must not be 0");
		}
		violations.requireText("reason", this.reason, MAX_REASON_LENGTH);
		violations.requireText("actor", this.actor);
	}

}
