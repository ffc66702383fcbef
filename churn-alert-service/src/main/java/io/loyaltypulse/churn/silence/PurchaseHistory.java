package io.loyaltypulse.churn.silence;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the silence model knows of a customer, in the model's time unit (weeks here): the
 * number of repeat purchase days {@code x} (purchase days after the first), the time
 * {@code tx} from the first to the last purchase day, and the time {@code T} from the
 * first purchase day to now.
 *
 * @param x repeat purchase days, at least 0
 * @param tx first to last purchase day, 0 when x is 0, at most T
 * @param T first purchase day to now
 */
public record PurchaseHistory(int x, double tx, double T) {

	private static final double DAYS_PER_WEEK = 7.0;

	public PurchaseHistory {
		if (x < 0 || tx < 0 || T < tx || (x == 0 && tx != 0) || !Double.isFinite(T)) {
			throw new IllegalArgumentException(
					"need x >= 0, 0 <= tx <= T, tx = 0 without repeat purchases; got x=%d, tx=%s, T=%s".formatted(x, tx,
							T));
		}
	}

	/**
	 * The history in weeks from a customer's purchase days up to and including
	 * {@code now}: several purchases on one day are one purchase day, and days after
	 * {@code now} are not known yet.
	 */
	public static PurchaseHistory inWeeks(Collection<LocalDate> purchaseDays, LocalDate now) {
		SortedSet<LocalDate> days = new TreeSet<>(purchaseDays).headSet(now.plusDays(1));
		if (days.isEmpty()) {
			throw new IllegalArgumentException("a purchase history needs a purchase day on or before " + now);
		}
		LocalDate first = days.first();
		return new PurchaseHistory(days.size() - 1, ChronoUnit.DAYS.between(first, days.last()) / DAYS_PER_WEEK,
				ChronoUnit.DAYS.between(first, now) / DAYS_PER_WEEK);
	}

}
