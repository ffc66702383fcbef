package io.loyaltypulse.support.requestreply;

import java.time.Duration;

import io.loyaltypulse.support.problems.ServiceUnavailableException;

/**
 * The reply to a request could not be had in time: 503 with Retry-After. The detail says
 * whether the request may still be applied, and that a retry with the same idempotency
 * key never applies it twice.
 */
public final class ReplyUnavailableException extends ServiceUnavailableException {

	private final boolean maybeApplied;

	private ReplyUnavailableException(String reason, String title, String dependency, String detail,
			boolean maybeApplied, Duration retryAfter) {
		super(reason, title, dependency, detail, retryAfter, null);
		this.maybeApplied = maybeApplied;
	}

	/** The request was sent, or may have been: it may still be applied. */
	public static ReplyUnavailableException unknown(String why, Duration retryAfter) {
		// Kafka took the request, or may have: what is missing is the decision (the
		// deciding
		// topology rebalances, restores or lags).
		return new ReplyUnavailableException("outcome-unknown", "Outcome unknown", "decision",
				"The outcome of this request is unknown (" + why + "). The request may still be applied. "
						+ "Retry with the same Idempotency-Key to learn its outcome: a retry never applies it twice.",
				true, retryAfter);
	}

	/** The request was not sent: nothing will be applied. */
	public static ReplyUnavailableException notSent(String why, Duration retryAfter) {
		return new ReplyUnavailableException("request-not-sent", "Request not sent", "kafka",
				"The request was not sent (" + why + "), so this call applied nothing. "
						+ "Retry with the same Idempotency-Key: a retry never applies it twice.",
				false, retryAfter);
	}

	/** Whether the request may have been sent, and so may still be applied. */
	public boolean maybeApplied() {
		return this.maybeApplied;
	}

}
