package io.loyaltypulse.points.query;

/**
 * The owner of a customer's state cannot answer right now (a rebalance, a restore, an
 * unreachable owner): answered 503 with Retry-After, never with a guess.
 */
class StoreUnavailableException extends RuntimeException {

	StoreUnavailableException(String message) {
		super(message);
	}

}
