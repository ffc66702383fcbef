package io.loyaltypulse.points.tiers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.loyaltypulse.events.PointsTierChanged;
import io.loyaltypulse.events.PointsTierDowngradeWarning;
import org.apache.avro.specific.SpecificRecord;

/**
 * Tiers on qualifying points earned over a rolling 12 months, never on the balance:
 * {@code tier = highest t with threshold(t) <= sum(qualifying points earned in (at - 12 months, at])};
 * up at once, down only when the tier period (12 months from the last change or renewal)
 * ends, with a warning {@code warningDays} before.
 *
 * <p>
 * Times are UTC calendar days: a purchase on 2026-03-15 counts until 2027-03-15
 * exclusive.
 */
public final class TierTracker {

	private static final int WINDOW_MONTHS = 12;

	private final TierRules rules;

	public TierTracker(TierRules rules) {
		this.rules = rules;
	}

	public Tier current(TierStatus status) {
		return (status.tier == null) ? this.rules.base() : this.rules.named(status.tier);
	}

	/** Qualifying points that count at {@code at}. */
	public long qualifying(TierStatus status, Instant at) {
		long from = windowStartDay(at);
		long to = day(at);
		long sum = 0;
		for (Map.Entry<Long, Long> bucket : status.qualifyingByDay.subMap(from, true, to, true).entrySet()) {
			sum += bucket.getValue();
		}
		return sum;
	}

	/**
	 * Records qualifying points (negative for a refund, on the day of the original
	 * earning) and upgrades at once when a higher tier is reached.
	 */
	public List<SpecificRecord> addQualifying(TierStatus status, String customerId, Instant earnedAt, long points,
			Instant now) {
		status.qualifyingByDay.merge(day(earnedAt), points, (a, b) -> (a + b == 0) ? null : a + b);
		List<SpecificRecord> events = new ArrayList<>();
		Tier current = current(status);
		long qualifying = qualifying(status, now);
		Tier reached = this.rules.tierFor(qualifying);
		if (this.rules.isAbove(reached, current)) {
			Instant periodEnd = plusWindow(now);
			events.add(changed(status, customerId, now, current, reached, qualifying, periodEnd));
			status.tier = reached.name();
			status.periodEndsAt = periodEnd.toEpochMilli();
			status.warnedForPeriodEnd = 0;
		}
		return events;
	}

	/**
	 * Everything due up to {@code until}, in time order: downgrade warnings and period
	 * ends (a downgrade, or a renewal when the customer still qualifies).
	 */
	public List<SpecificRecord> advance(TierStatus status, String customerId, Instant until) {
		List<SpecificRecord> events = new ArrayList<>();
		while (status.periodEndsAt > 0) {
			long warningAt = warningAt(status);
			if (status.warnedForPeriodEnd != status.periodEndsAt && warningAt <= until.toEpochMilli()
					&& warningAt < status.periodEndsAt) {
				warnIfFalling(status, customerId, Instant.ofEpochMilli(warningAt)).ifPresent(events::add);
				status.warnedForPeriodEnd = status.periodEndsAt;
				continue;
			}
			if (status.periodEndsAt > until.toEpochMilli()) {
				break;
			}
			endPeriod(status, customerId, Instant.ofEpochMilli(status.periodEndsAt)).ifPresent(events::add);
		}
		prune(status, until);
		return events;
	}

	/** When the next warning or period end is due (epoch millis), or Long.MAX_VALUE. */
	public long nextDue(TierStatus status) {
		if (status.periodEndsAt == 0) {
			return Long.MAX_VALUE;
		}
		long warningAt = warningAt(status);
		if (status.warnedForPeriodEnd != status.periodEndsAt && warningAt < status.periodEndsAt) {
			return warningAt;
		}
		return status.periodEndsAt;
	}

	/** The tier above the current one, if any. */
	public Optional<Tier> next(TierStatus status) {
		return this.rules.above(current(status));
	}

	private Optional<SpecificRecord> warnIfFalling(TierStatus status, String customerId, Instant at) {
		Tier current = current(status);
		Instant periodEnd = Instant.ofEpochMilli(status.periodEndsAt);
		long projected = qualifying(status, periodEnd);
		Tier projectedTier = this.rules.tierFor(projected);
		if (!this.rules.isAbove(current, projectedTier)) {
			return Optional.empty();
		}
		return Optional.of(PointsTierDowngradeWarning.newBuilder()
			.setEventId(nextEventId(status, customerId))
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setCurrentTier(current.name())
			.setProjectedTier(projectedTier.name())
			.setPeriodEndsAt(periodEnd)
			.setProjectedQualifyingPoints(projected)
			.setPointsToKeepTier(current.threshold() - projected)
			.build());
	}

	private Optional<SpecificRecord> endPeriod(TierStatus status, String customerId, Instant periodEnd) {
		Tier current = current(status);
		long qualifying = qualifying(status, periodEnd);
		Tier deserved = this.rules.tierFor(qualifying);
		if (!this.rules.isAbove(current, deserved)) {
			status.periodEndsAt = plusWindow(periodEnd).toEpochMilli();
			return Optional.empty();
		}
		boolean toBase = deserved.equals(this.rules.base());
		Instant nextEnd = toBase ? null : plusWindow(periodEnd);
		SpecificRecord event = changed(status, customerId, periodEnd, current, deserved, qualifying,
				(nextEnd != null) ? nextEnd : periodEnd);
		status.tier = toBase ? null : deserved.name();
		status.periodEndsAt = (nextEnd != null) ? nextEnd.toEpochMilli() : 0;
		status.warnedForPeriodEnd = 0;
		return Optional.of(event);
	}

	private PointsTierChanged changed(TierStatus status, String customerId, Instant at, Tier from, Tier to,
			long qualifying, Instant periodEnd) {
		return PointsTierChanged.newBuilder()
			.setEventId(nextEventId(status, customerId))
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setFromTier(from.name())
			.setToTier(to.name())
			.setUpgrade(this.rules.isAbove(to, from))
			.setQualifyingPoints(qualifying)
			.setPeriodEndsAt(periodEnd)
			.build();
	}

	private long warningAt(TierStatus status) {
		return Instant.ofEpochMilli(status.periodEndsAt)
			.atZone(ZoneOffset.UTC)
			.minusDays(this.rules.warningDays())
			.toInstant()
			.toEpochMilli();
	}

	private static String nextEventId(TierStatus status, String customerId) {
		status.eventCount++;
		return customerId + ":tier:" + status.eventCount;
	}

	/** Buckets that can no longer count at any time from {@code now} on are dropped. */
	private static void prune(TierStatus status, Instant now) {
		status.qualifyingByDay.headMap(windowStartDay(now)).clear();
	}

	private static long windowStartDay(Instant at) {
		return at.atZone(ZoneOffset.UTC).minusMonths(WINDOW_MONTHS).toLocalDate().toEpochDay() + 1;
	}

	private static long day(Instant at) {
		return LocalDate.ofInstant(at, ZoneOffset.UTC).toEpochDay();
	}

	private static Instant plusWindow(Instant at) {
		return at.atZone(ZoneOffset.UTC).plusMonths(WINDOW_MONTHS).toInstant();
	}

}
