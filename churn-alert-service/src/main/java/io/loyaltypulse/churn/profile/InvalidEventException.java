package io.loyaltypulse.churn.profile;

/**
 * An event the profile cannot take: beyond one of its bounds, in a currency its invoice
 * is not in, or of a kind the service does not read. The engine sends it to the
 * dead-letter topic with this reason, and the profile stays as it was.
 */
public class InvalidEventException extends RuntimeException {

	public InvalidEventException(String reason) {
		super(reason);
	}

}
