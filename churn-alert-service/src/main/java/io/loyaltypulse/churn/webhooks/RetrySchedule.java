package io.loyaltypulse.churn.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * After attempt n fails, the next is due after delays[n] +- jitter, or after Retry-After
 * when that is later (capped); after the last delay, none.
 */
public final class RetrySchedule {

	private final List<Duration> delays;

	private final double jitter;

	private final Duration maxRetryAfter;

	/**
	 * @param delays the delay before each attempt, the first usually zero
	 * @param jitter the fraction a delay may vary either way, 0 to 1
	 * @param maxRetryAfter the longest Retry-After honoured
	 */
	public RetrySchedule(List<Duration> delays, double jitter, Duration maxRetryAfter) {
		if (delays.isEmpty() || jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("a retry schedule needs at least one delay and a jitter from 0 to 1");
		}
		this.delays = List.copyOf(delays);
		this.jitter = jitter;
		this.maxRetryAfter = maxRetryAfter;
	}

	/** How many attempts a delivery gets. */
	public int attempts() {
		return this.delays.size();
	}

	/**
	 * When the next attempt is due, or empty when the attempts are used up.
	 * @param attemptsMade the attempts made so far, including the one that just failed
	 * @param random a number from 0 (inclusive) to 1 (exclusive)
	 */
	public Optional<Instant> next(int attemptsMade, Instant now, Optional<Duration> retryAfter, double random) {
		if (attemptsMade >= this.delays.size()) {
			return Optional.empty();
		}
		long base = this.delays.get(attemptsMade).toMillis();
		long delay = Math.round(base * (1 + this.jitter * (2 * random - 1)));
		if (retryAfter.isPresent()) {
			long asked = Math.min(retryAfter.get().toMillis(), this.maxRetryAfter.toMillis());
			delay = Math.max(delay, asked);
		}
		return Optional.of(now.plusMillis(Math.max(0, delay)));
	}

	/** A Retry-After header: delay seconds or an HTTP date; empty when unreadable. */
	public static Optional<Duration> parseRetryAfter(String value, Instant now) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		String text = value.strip();
		if (text.matches("\\d{1,9}")) {
			return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
		}
		try {
			Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
