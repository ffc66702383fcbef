package io.loyaltypulse.points.tiers;

import java.math.BigDecimal;

/**
 * A tier: reached with {@code threshold} qualifying points over a rolling 12 months;
 * multiplies what purchases earn while held.
 *
 * @param name as shown to customers and in events, for example GOLD
 * @param threshold qualifying points needed; the lowest tier has 0
 * @param multiplier earning multiplier while the tier is held
 */
public record Tier(String name, long threshold, BigDecimal multiplier) {
}
