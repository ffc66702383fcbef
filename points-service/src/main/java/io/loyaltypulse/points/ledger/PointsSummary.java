package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.List;

/**
 * A customer's points as of one moment, for the query API.
 *
 * @param customerId the customer
 * @param available points that can be redeemed now (negative only under ALLOW_NEGATIVE)
 * @param pending points earned but still inside the return window
 * @param tier the tier held
 * @param qualifyingPoints qualifying points over the last 12 months
 * @param nextTier the tier above, or null at the top
 * @param pointsToNextTier qualifying points still needed for the next tier
 * @param tierPeriodEndsAt when the tier can next be lowered, or null on the base tier
 * @param expiringWithinDays the horizon of {@code expiringSoon}
 * @param expiringSoon points that expire within the horizon
 * @param expiring the lots that expire within the horizon, soonest first
 * @param shortfall points refunds could not take back (CAP_AT_ZERO), in total
 */
public record PointsSummary(String customerId, long available, long pending, String tier, long qualifyingPoints,
		String nextTier, long pointsToNextTier, Instant tierPeriodEndsAt, int expiringWithinDays, long expiringSoon,
		List<Expiring> expiring, long shortfall) {

	/** Points of one lot that expire soon. */
	public record Expiring(long points, Instant expiresAt, boolean available) {
	}

}
