package io.loyaltypulse.support.idempotency;

import io.loyaltypulse.support.problems.InvalidHeaderException;
import io.loyaltypulse.support.validation.Violations;

/** The {@code Idempotency-Key} header: an event id for requests whose body has none. */
public final class IdempotencyKeyHeader {

	public static final String NAME = "Idempotency-Key";

	/** Set on a 202 for an event that was accepted recently and not published again. */
	public static final String REPLAYED = "Idempotent-Replayed";

	private IdempotencyKeyHeader() {
	}

	/** The key, or null when the header is absent; refuses a key that is no usable id. */
	public static String validated(String key) {
		if (key == null) {
			return null;
		}
		if (key.isBlank() || key.length() > Violations.MAX_TEXT_LENGTH
				|| key.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidHeaderException(NAME, "must be 1 to " + Violations.MAX_TEXT_LENGTH
					+ " characters without control characters, such as a UUID");
		}
		return key.strip();
	}

}
