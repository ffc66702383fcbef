package io.loyaltypulse.support.streams;

import java.time.Duration;

import io.loyaltypulse.support.problems.ServiceUnavailableException;

/**
 * The owner of a key's state cannot answer right now (a rebalance, a restore, an
 * unreachable owner): 503 with Retry-After, never a guess from stale or partial state.
 */
public class StoreUnavailableException extends ServiceUnavailableException {

	public StoreUnavailableException(String detail, Duration retryAfter) {
		super("state-unavailable", "State not queryable now", "state", detail + "; retry shortly.", retryAfter, null);
	}

}
