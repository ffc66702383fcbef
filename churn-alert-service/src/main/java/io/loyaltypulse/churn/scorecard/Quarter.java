package io.loyaltypulse.churn.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter in UTC, written {@code 2026-Q3}:
 * {@code index = year * 4 + quarter - 1}, so consecutive quarters have consecutive
 * indexes.
 *
 * @param year the year, 1-9999
 * @param quarter 1-4
 */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

	private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

	public Quarter {
		if (year < 1 || year > 9999 || quarter < 1 || quarter > 4) {
			throw new IllegalArgumentException("no quarter " + year + "-Q" + quarter);
		}
	}

	/** The quarter an instant falls in, in UTC. */
	public static Quarter of(Instant at) {
		ZonedDateTime utc = at.atZone(ZoneOffset.UTC);
		return new Quarter(utc.getYear(), (utc.getMonthValue() - 1) / 3 + 1);
	}

	/** The quarter of an epoch-millis instant, as its index. */
	static int indexOf(long epochMillis) {
		return of(Instant.ofEpochMilli(epochMillis)).index();
	}

	static Quarter ofIndex(int index) {
		return new Quarter(Math.floorDiv(index, 4), Math.floorMod(index, 4) + 1);
	}

	/** {@code 2026-Q3}, or empty when the text is not a quarter in that form. */
	public static Optional<Quarter> parse(String text) {
		Matcher matcher = TEXT.matcher((text != null) ? text : "");
		if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1) {
			return Optional.empty();
		}
		return Optional.of(new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
	}

	/** The quarter before this one. */
	public Quarter previous() {
		return ofIndex(index() - 1);
	}

	/** Its first UTC day. */
	public LocalDate firstDay() {
		return LocalDate.of(this.year, 3 * this.quarter - 2, 1);
	}

	/** Its last UTC day. */
	public LocalDate lastDay() {
		return firstDay().plusMonths(3).minusDays(1);
	}

	int index() {
		return this.year * 4 + this.quarter - 1;
	}

	@Override
	public int compareTo(Quarter other) {
		return Integer.compare(index(), other.index());
	}

	@Override
	public String toString() {
		return String.format("%04d-Q%d", this.year, this.quarter);
	}

}
