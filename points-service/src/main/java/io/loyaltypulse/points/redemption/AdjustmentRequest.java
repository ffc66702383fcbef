package io.loyaltypulse.points.redemption;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/admin/customers/{customerId}/adjustments}.
 *
 * @param points the correction, positive or negative, never zero
 * @param reason why, for the audit trail
 * @param actor the administrator's id
 */
record AdjustmentRequest(@NotNull Long points, @NotBlank @Size(max = 500) String reason,
		@NotBlank @Size(max = 200) String actor) {
}
