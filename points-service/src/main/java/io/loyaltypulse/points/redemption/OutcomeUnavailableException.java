package io.loyaltypulse.points.redemption;

/**
 * The outcome of a request could not be had in time: answered 503 with Retry-After; the
 * caller retries with the same idempotency key.
 */
class OutcomeUnavailableException extends Exception {

	OutcomeUnavailableException(String message) {
		super(message);
	}

}
