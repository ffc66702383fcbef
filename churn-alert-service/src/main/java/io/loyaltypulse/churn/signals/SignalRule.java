package io.loyaltypulse.churn.signals;

import java.time.Instant;
import java.util.Optional;

import io.loyaltypulse.churn.profile.CustomerProfile;
import io.loyaltypulse.events.ChurnSignal;

/**
 * One churn signal: whether a customer is in its condition now, and when that may next
 * change without a new event (a due date passing, a customer growing more silent), so
 * that the customer is checked again then and not before.
 */
public interface SignalRule {

	ChurnSignal signal();

	Optional<Finding> evaluate(CustomerProfile profile, Instant now);

	/**
	 * The next time after {@code now} at which {@link #evaluate} may answer differently
	 * with no new event, or {@link CustomerProfile#NEVER}.
	 */
	long nextChange(CustomerProfile profile, Instant now);

}
