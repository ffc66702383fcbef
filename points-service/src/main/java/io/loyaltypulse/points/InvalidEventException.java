package io.loyaltypulse.points;

import io.loyaltypulse.support.streams.PoisonRecordException;

/**
 * An input event that decodes but cannot be applied: a refund of an order the customer
 * never earned on, a line that does not exist, a currency without a base rate, a negative
 * quantity. The topology's error handler sends the record to the source topic's
 * dead-letter topic with this message as the reason, and processing continues; the
 * customer's state is untouched, because the engine validates before it changes anything.
 */
public class InvalidEventException extends PoisonRecordException {

	public InvalidEventException(String reason) {
		super(reason);
	}

	public InvalidEventException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
