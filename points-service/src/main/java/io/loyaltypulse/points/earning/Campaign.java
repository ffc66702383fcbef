package io.loyaltypulse.points.earning;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A time-boxed earning multiplier, optionally limited to some stores or channels.
 *
 * @param name shown in ledger explanations
 * @param multiplier applied on top of the base, category and tier multipliers
 * @param from first instant of the campaign, inclusive
 * @param to end of the campaign, exclusive
 * @param storeIds stores the campaign is limited to; empty means every store
 * @param channels channels the campaign is limited to; empty means every channel
 */
public record Campaign(String name, BigDecimal multiplier, Instant from, Instant to, Set<String> storeIds,
		Set<String> channels) {

	public Campaign {
		storeIds = Set.copyOf(storeIds);
		channels = Set.copyOf(channels);
	}

	boolean appliesTo(Instant at, String storeId, String channel) {
		return !at.isBefore(this.from) && at.isBefore(this.to)
				&& (this.storeIds.isEmpty() || this.storeIds.contains(storeId))
				&& (this.channels.isEmpty() || this.channels.contains(channel));
	}

}
