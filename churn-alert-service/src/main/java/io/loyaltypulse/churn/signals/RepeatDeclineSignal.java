package io.loyaltypulse.churn.signals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;

import io.loyaltypulse.churn.profile.CustomerProfile;
import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ChurnSignal;

/**
 * {@code REPEAT_DECLINE iff earlierDays >= minEarlierDays and recentDays / recentWindow <= 0.5 * earlierDays / earlierWindow}:
 * the purchase days of the recent window fell to at most half of the customer's own rate
 * over the window before it; MEDIUM, HIGH when it fell to a quarter or less.
 */
public final class RepeatDeclineSignal implements SignalRule {

	private static final double DAYS_PER_MONTH = 30.0;

	private final int recentWindowDays;

	private final int earlierWindowDays;

	private final int minEarlierDays;

	/**
	 * @param recentWindowDays the recent window, ending today
	 * @param earlierWindowDays the window before it, the customer's own yardstick
	 * @param minEarlierDays purchase days needed in the earlier window (enough history)
	 */
	public RepeatDeclineSignal(int recentWindowDays, int earlierWindowDays, int minEarlierDays) {
		if (recentWindowDays < 1 || earlierWindowDays < 1 || minEarlierDays < 2) {
			throw new IllegalArgumentException(
					"loyalty.churn.repeat-decline needs positive windows and min-earlier-days >= 2");
		}
		this.recentWindowDays = recentWindowDays;
		this.earlierWindowDays = earlierWindowDays;
		this.minEarlierDays = minEarlierDays;
	}

	@Override
	public ChurnSignal signal() {
		return ChurnSignal.REPEAT_DECLINE;
	}

	@Override
	public Optional<Finding> evaluate(CustomerProfile profile, Instant now) {
		LocalDate today = Days.today(now);
		LocalDate recentStart = today.minusDays(this.recentWindowDays - 1);
		LocalDate earlierStart = recentStart.minusDays(this.earlierWindowDays);
		NavigableSet<LocalDate> days = profile.purchaseDays();
		int recent = days.subSet(recentStart, true, today, true).size();
		int earlier = days.subSet(earlierStart, true, recentStart, false).size();
		if (earlier < this.minEarlierDays) {
			return Optional.empty();
		}
		double recentRate = recent * DAYS_PER_MONTH / this.recentWindowDays;
		double earlierRate = earlier * DAYS_PER_MONTH / this.earlierWindowDays;
		if (recentRate > 0.5 * earlierRate) {
			return Optional.empty();
		}
		double change = recentRate / earlierRate - 1;
		ChurnAlertSeverity severity = (recentRate <= 0.25 * earlierRate) ? ChurnAlertSeverity.HIGH
				: ChurnAlertSeverity.MEDIUM;
		String explanation = String.format(Locale.ROOT,
				"bought on %d day%s in the last %d days against %d in the %d days before (%.1f vs %.1f a month, %+.0f%%)",
				recent, (recent == 1) ? "" : "s", this.recentWindowDays, earlier, this.earlierWindowDays, recentRate,
				earlierRate, 100 * change);
		Map<String, String> evidence = Map.of("recentPurchaseDays", Integer.toString(recent), "recentWindowDays",
				Integer.toString(this.recentWindowDays), "earlierPurchaseDays", Integer.toString(earlier),
				"earlierWindowDays", Integer.toString(this.earlierWindowDays), "rateChange",
				String.format(Locale.ROOT, "%.2f", change));
		return Optional.of(new Finding(ChurnSignal.REPEAT_DECLINE, severity, null, explanation, evidence, true));
	}

	/**
	 * The counts change only when a purchase day leaves the recent window or the earlier
	 * one: the first such day after today.
	 */
	@Override
	public long nextChange(CustomerProfile profile, Instant now) {
		LocalDate today = Days.today(now);
		LocalDate horizon = today.minusDays(this.recentWindowDays + this.earlierWindowDays);
		long next = CustomerProfile.NEVER;
		for (LocalDate day : profile.purchaseDays().tailSet(horizon, true)) {
			for (LocalDate leaves : new LocalDate[] { day.plusDays(this.recentWindowDays),
					day.plusDays(this.recentWindowDays + this.earlierWindowDays) }) {
				if (leaves.isAfter(today)) {
					next = Math.min(next, Days.startOf(leaves));
				}
			}
		}
		return next;
	}

}
