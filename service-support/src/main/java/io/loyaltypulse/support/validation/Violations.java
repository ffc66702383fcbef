package io.loyaltypulse.support.validation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every violation of one request instead of stopping at the first, so that a
 * platform engineer fixes a payload in one round trip. Pointers are relative to a base
 * (for example {@code /events/3} for the fourth item of a batch).
 */
public final class Violations {

	/** Longest id or code accepted: ids, not documents. */
	public static final int MAX_TEXT_LENGTH = 200;

	/** Avro decimal(19,4): at most 15 digits before the point. */
	private static final BigDecimal MONEY_LIMIT = new BigDecimal("1E15");

	private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

	private final String base;

	private final List<Violation> list;

	public Violations() {
		this("", new ArrayList<>());
	}

	private Violations(String base, List<Violation> list) {
		this.base = base;
		this.list = list;
	}

	/** A view that adds to the same list, with pointers under {@code base + segment}. */
	public Violations at(String segment) {
		return new Violations(this.base + "/" + escape(segment), this.list);
	}

	public Violations at(int index) {
		return at(Integer.toString(index));
	}

	public void add(String field, String detail) {
		this.list.add(new Violation(this.base + "/" + escape(field), detail));
	}

	/** A violation of the object at this view's base itself. */
	public void addHere(String detail) {
		this.list.add(new Violation(this.base.isEmpty() ? "" : this.base, detail));
	}

	public void addAll(Collection<Violation> violations) {
		violations
			.forEach((violation) -> this.list.add(new Violation(this.base + violation.pointer(), violation.detail())));
	}

	public boolean isEmpty() {
		return this.list.isEmpty();
	}

	public List<Violation> list() {
		return List.copyOf(this.list);
	}

	/** Throws when anything was collected. */
	public void throwIfAny() {
		if (!this.list.isEmpty()) {
			throw new ValidationFailedException(list());
		}
	}

	/** A required id or code: present, not blank, not too long, no control characters. */
	public boolean requireText(String field, String value) {
		return requireText(field, value, MAX_TEXT_LENGTH);
	}

	/** A required text of at most {@code maxLength} characters, as an id or code. */
	public boolean requireText(String field, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			add(field, "is required");
			return false;
		}
		return checkText(field, value, maxLength);
	}

	/** An optional id or code: when present, the same rules as a required one. */
	public boolean optionalText(String field, String value) {
		return optionalText(field, value, MAX_TEXT_LENGTH);
	}

	/** An optional text of at most {@code maxLength} characters. */
	public boolean optionalText(String field, String value, int maxLength) {
		if (value == null) {
			return true;
		}
		if (value.isBlank()) {
			add(field, "must not be blank when present (omit it instead)");
			return false;
		}
		return checkText(field, value, maxLength);
	}

	/**
	 * An optional text a person wrote (a comment, a complaint): when present, not blank,
	 * at most {@code maxLength} characters, and no control characters but line breaks and
	 * tabs.
	 */
	public boolean optionalFreeText(String field, String value, int maxLength) {
		if (value == null) {
			return true;
		}
		if (value.isBlank()) {
			add(field, "must not be blank when present (omit it instead)");
			return false;
		}
		if (value.length() > maxLength) {
			add(field, "must be at most " + maxLength + " characters");
			return false;
		}
		if (value.chars().anyMatch((c) -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			add(field, "must not contain control characters other than line breaks and tabs");
			return false;
		}
		return true;
	}

	/**
	 * An optional whole number within {@code [min, max]}; null (absent) is valid.
	 * @param absentMeans what an absent value stands for, said in the violation
	 */
	public boolean optionalBetween(String field, Integer value, int min, int max, String absentMeans) {
		if (value == null) {
			return true;
		}
		if (value < min || value > max) {
			add(field, "must be a whole number from " + min + " to " + max + " (" + absentMeans + ")");
			return false;
		}
		return true;
	}

	/** A required text that must be one of {@code allowed}. */
	public boolean requireOneOf(String field, String value, Collection<String> allowed) {
		if (!requireText(field, value)) {
			return false;
		}
		if (!allowed.contains(value)) {
			add(field, "must be one of " + String.join(", ", allowed) + " (got '" + value + "')");
			return false;
		}
		return true;
	}

	/** A required whole number within {@code [min, max]}. */
	public boolean requireBetween(String field, Long value, long min, long max) {
		if (value == null) {
			add(field, "is required");
			return false;
		}
		if (value < min || value > max) {
			add(field, "must be between " + min + " and " + max);
			return false;
		}
		return true;
	}

	private boolean checkText(String field, String value, int maxLength) {
		if (value.length() > maxLength) {
			add(field, "must be at most " + maxLength + " characters");
			return false;
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			add(field, "must not contain control characters");
			return false;
		}
		return true;
	}

	public boolean requirePresent(String field, Object value) {
		if (value == null) {
			add(field, "is required");
			return false;
		}
		return true;
	}

	/** A quantity: present and greater than zero. */
	public boolean requirePositive(String field, Integer value) {
		if (!requirePresent(field, value)) {
			return false;
		}
		if (value <= 0) {
			add(field, "must be greater than 0");
			return false;
		}
		return true;
	}

	/**
	 * An amount of money: present, greater than zero, and representable as the events'
	 * decimal(19,4) without rounding.
	 */
	public boolean requirePositiveMoney(String field, BigDecimal value) {
		if (!requirePresent(field, value)) {
			return false;
		}
		if (value.signum() <= 0) {
			add(field, "must be greater than 0");
			return false;
		}
		if (value.stripTrailingZeros().scale() > 4) {
			add(field, "must have at most 4 decimal places");
			return false;
		}
		if (value.compareTo(MONEY_LIMIT) >= 0) {
			add(field, "must be less than 10^15");
			return false;
		}
		return true;
	}

	/** An ISO 4217 currency code such as EUR. */
	public boolean requireCurrency(String field, String value) {
		if (!requireText(field, value)) {
			return false;
		}
		if (!CURRENCY_CODE.matcher(value).matches() || !isIso4217(value)) {
			add(field, "must be an ISO 4217 currency code such as EUR (got '" + value + "')");
			return false;
		}
		return true;
	}

	/**
	 * An event time: present, not earlier than {@code earliest} and not later than
	 * {@code latest}.
	 */
	public boolean requireBetween(String field, Instant value, Instant earliest, Instant latest) {
		if (!requirePresent(field, value)) {
			return false;
		}
		if (value.isBefore(earliest)) {
			add(field, "must not be earlier than " + earliest
					+ " (the server's clock minus the allowed age, and never before 1970-01-01T00:00:00Z)");
			return false;
		}
		if (value.isAfter(latest)) {
			add(field, "must not be later than " + latest + " (the server's clock plus the allowed skew)");
			return false;
		}
		return true;
	}

	private static boolean isIso4217(String code) {
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** RFC 6901 escaping of one reference token. */
	private static String escape(String segment) {
		return segment.replace("~", "~0").replace("/", "~1");
	}

}
