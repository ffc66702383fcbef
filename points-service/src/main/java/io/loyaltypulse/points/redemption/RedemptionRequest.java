package io.loyaltypulse.points.redemption;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/customers/{customerId}/redemptions}.
 *
 * @param points points to spend
 * @param orderId the order they pay for, if any
 * @param description what they are spent on, for the ledger
 */
record RedemptionRequest(@NotNull @Positive Long points, @Size(max = 200) String orderId,
		@Size(max = 200) String description) {
}
