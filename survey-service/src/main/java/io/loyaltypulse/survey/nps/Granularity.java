package io.loyaltypulse.survey.nps;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The points of a trend: UTC days, ISO weeks (Monday to Sunday), calendar months or
 * quarters.
 *
 * <p>
 * Rule: a period is cut at the granularity's boundaries; its first and last point cover
 * only the part of their day, week, month or quarter inside the period.
 */
public enum Granularity {

	DAY, WEEK, MONTH, QUARTER;

	/** The name in query parameters: day, week, month, quarter. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Granularity> byKey(String key) {
		return Arrays.stream(values()).filter((granularity) -> granularity.key().equals(key)).findFirst();
	}

	/** The first day of the day, week, month or quarter that holds {@code day}. */
	public LocalDate start(LocalDate day) {
		return switch (this) {
			case DAY -> day;
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> day.withDayOfMonth(1);
			case QUARTER -> day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
		};
	}

	private LocalDate nextStart(LocalDate start) {
		return switch (this) {
			case DAY -> start.plusDays(1);
			case WEEK -> start.plusWeeks(1);
			case MONTH -> start.plusMonths(1);
			case QUARTER -> start.plusMonths(3);
		};
	}

	/**
	 * The label of the day, week, month or quarter that starts on {@code start}:
	 * {@code 2026-11-20}, {@code 2026-W47}, {@code 2026-11}, {@code 2026-Q4}.
	 */
	public String label(LocalDate start) {
		return switch (this) {
			case DAY -> start.toString();
			case WEEK -> String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
					start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			case MONTH -> String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
			case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
		};
	}

	/** The period cut into points, in order, each with its label. */
	public List<Point> points(Period period) {
		List<Point> points = new ArrayList<>();
		for (LocalDate start = start(period.from()); !start.isAfter(period.to()); start = nextStart(start)) {
			LocalDate end = nextStart(start).minusDays(1);
			points.add(new Point(label(start), new Period(start.isBefore(period.from()) ? period.from() : start,
					end.isAfter(period.to()) ? period.to() : end)));
		}
		return points;
	}

	/**
	 * One point of a trend.
	 *
	 * @param label the day, week, month or quarter, e.g. {@code 2026-W47}
	 * @param period the days it covers, within the trend's period
	 */
	public record Point(String label, Period period) {
	}

}
