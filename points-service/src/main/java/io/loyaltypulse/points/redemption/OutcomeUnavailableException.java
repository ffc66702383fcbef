package io.loyaltypulse.points.redemption;

/**
 * The outcome of a request could not be had in time: answered 503 with Retry-After; the
 * caller retries with the same idempotency key, which never applies a request twice.
 */
class OutcomeUnavailableException extends Exception {

	private final boolean maybeApplied;

	private OutcomeUnavailableException(String reason, boolean maybeApplied) {
		super(reason);
		this.maybeApplied = maybeApplied;
	}

	/**
	 * The request was sent, or may have been: the topology may still apply it.
	 */
	static OutcomeUnavailableException unknown(String reason) {
		return new OutcomeUnavailableException(reason, true);
	}

	/**
	 * The request was not sent: nothing will be applied.
	 */
	static OutcomeUnavailableException notSent(String reason) {
		return new OutcomeUnavailableException(reason, false);
	}

	/**
	 * Whether the request may have reached the topology, and so may still be applied.
	 */
	boolean maybeApplied() {
		return this.maybeApplied;
	}

}
