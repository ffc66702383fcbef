package io.loyaltypulse.support.ingest;

/**
 * What a service checks across the items of one batch, beyond each item on its own (for
 * example a refund against the purchase earlier in the same batch). Called in item order
 * with each item that passed its own checks; throws
 * {@link io.loyaltypulse.support.validation.ValidationFailedException} (pointers from the
 * body's root, such as {@code /events/3/amount}) to refuse the item.
 */
@FunctionalInterface
public interface BatchCheck {

	/** Checks nothing across items. */
	BatchCheck NONE = (index, prepared) -> {
	};

	void check(int index, PreparedEvent prepared);

}
