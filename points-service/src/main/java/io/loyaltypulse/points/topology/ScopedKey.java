package io.loyaltypulse.points.topology;

/**
 * Keys of the per-customer history stores: the customer id, length-prefixed so that no
 * pair of customer and id can spell another pair's key, then a one-letter kind, then the
 * id. Every key of a customer starts with the same prefix, which keeps them together.
 */
final class ScopedKey {

	static final char EVENT = 'e';

	static final char SURVEY = 's';

	static final char ORDER = 'o';

	static final char REQUEST = 'r';

	private ScopedKey() {
	}

	static String of(String customerId, char kind, String id) {
		return customerId.length() + ":" + customerId + kind + id;
	}

}
