package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.points.tiers.Tier;
import io.loyaltypulse.points.tiers.TierTracker;

/**
 * A customer's points as of a moment, for queries:
 * {@code summary(T) = balances and tier once what fell due by T is applied; expiringSoon = sum remaining of the lots with expiresAt <= T + N days}.
 */
final class AccountSummaries {

	private final Timeline timeline;

	private final TierTracker tiers;

	AccountSummaries(Timeline timeline, TierTracker tiers) {
		this.timeline = timeline;
		this.tiers = tiers;
	}

	/**
	 * Applies what is due by {@code at} to the given account only: pass a freshly read
	 * one and do not store it.
	 */
	PointsSummary summarize(CustomerAccount account, Instant at, int expiringWithinDays) {
		this.timeline.advance(account, at, new ArrayList<>());
		long now = at.toEpochMilli();
		List<PointsSummary.Expiring> expiring = expiringBy(account, at, expiringWithinDays);
		Tier tier = this.tiers.current(account.tiers);
		long qualifying = this.tiers.qualifying(account.tiers, at);
		Tier next = this.tiers.next(account.tiers).orElse(null);
		return new PointsSummary(account.customerId, account.available(now), account.pending(now), tier.name(),
				qualifying, (next != null) ? next.name() : null,
				(next != null) ? Math.max(0, next.threshold() - qualifying) : 0,
				(account.tiers.periodEndsAt() > 0) ? Instant.ofEpochMilli(account.tiers.periodEndsAt()) : null,
				expiringWithinDays, expiring.stream().mapToLong(PointsSummary.Expiring::points).sum(), expiring,
				account.shortfall);
	}

	private static List<PointsSummary.Expiring> expiringBy(CustomerAccount account, Instant at,
			int expiringWithinDays) {
		long now = at.toEpochMilli();
		long horizon = at.atZone(ZoneOffset.UTC).plusDays(expiringWithinDays).toInstant().toEpochMilli();
		List<PointsSummary.Expiring> expiring = new ArrayList<>();
		for (Lot lot : account.lots) {
			if (lot.expiresAt <= horizon) {
				expiring.add(new PointsSummary.Expiring(lot.remaining, Instant.ofEpochMilli(lot.expiresAt),
						lot.isAvailableAt(now)));
			}
		}
		return expiring;
	}

}
