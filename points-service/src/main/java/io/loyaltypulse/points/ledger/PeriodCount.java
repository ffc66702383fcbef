package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * How many bonuses of one kind were paid in one calendar period:
 * {@code count(period of at) = count if period of at <= period else 0}.
 *
 * <p>
 * Only the latest period counted is kept, so that the account stays small. An event of an
 * earlier period (a late one) counts against the latest period: a late event can never
 * open a limit again.
 *
 * @param period the period counted: a month as {@code year * 12 + month - 1}, or a year;
 * 0 for none
 * @param count bonuses paid in it
 */
record PeriodCount(int period, int count) {

	static final PeriodCount NONE = new PeriodCount(0, 0);

	/** The calendar month (UTC) of an instant. */
	static int monthOf(Instant at) {
		ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
		return utc.getYear() * 12 + utc.getMonthValue() - 1;
	}

	/** The calendar year (UTC) of an instant. */
	static int yearOf(Instant at) {
		return at.atZone(ZoneOffset.UTC).getYear();
	}

	/** The bonuses already paid in the period of an event, as this counts them. */
	int countIn(int eventPeriod) {
		return (eventPeriod > this.period) ? 0 : this.count;
	}

	/** One more bonus paid by an event of the given period. */
	PeriodCount plusOne(int eventPeriod) {
		return (eventPeriod > this.period) ? new PeriodCount(eventPeriod, 1)
				: new PeriodCount(this.period, this.count + 1);
	}

}
