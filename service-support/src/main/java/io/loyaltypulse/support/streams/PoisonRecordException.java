package io.loyaltypulse.support.streams;

/**
 * An input event that decodes but cannot be applied (a refund of an order never seen, an
 * out-of-range value). The {@link DeadLetterHandler} sends the record to the source
 * topic's dead-letter topic with this message as the reason, and processing continues.
 * Anything else thrown by a topology is a bug and stops it.
 */
public class PoisonRecordException extends RuntimeException {

	public PoisonRecordException(String reason) {
		super(reason);
	}

	public PoisonRecordException(String reason, Throwable cause) {
		super(reason, cause);
	}

}
