package io.loyaltypulse.churn.signals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Calendar days in UTC, the unit of every day count the signals speak of. */
final class Days {

	private Days() {
	}

	static LocalDate today(Instant now) {
		return LocalDate.ofInstant(now, ZoneOffset.UTC);
	}

	static long startOf(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
	}

}
