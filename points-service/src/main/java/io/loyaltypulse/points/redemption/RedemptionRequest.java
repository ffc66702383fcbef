package io.loyaltypulse.points.redemption;

import io.loyaltypulse.support.validation.ValidatedBody;
import io.loyaltypulse.support.validation.Violations;

/**
 * Body of {@code POST /api/v1/customers/{customerId}/redemptions}.
 *
 * @param points points to spend, a whole number from 1 to {@link #MAX_POINTS}
 * @param orderId the order they pay for, if any
 * @param description what they are spent on, for the ledger
 */
record RedemptionRequest(Long points, String orderId, String description) implements ValidatedBody {

	/** More points than any balance holds: a typo, not a redemption. */
	static final long MAX_POINTS = 1_000_000_000_000L;

	@Override
	public void validate(Violations violations) {
		violations.requireBetween("points", this.points, 1, MAX_POINTS);
		violations.optionalText("orderId", this.orderId);
		violations.optionalText("description", this.description);
	}

}
