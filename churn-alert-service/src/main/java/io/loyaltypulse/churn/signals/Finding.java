package io.loyaltypulse.churn.signals;

import java.util.Map;

import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ChurnSignal;

/**
 * A customer is in a signal's condition: how severe, about what, and why in one sentence.
 *
 * @param signal the signal
 * @param severity how urgent
 * @param cause what this episode is about (an invoice, a response, a complaint): a new
 * cause while the condition holds is a new episode
 * @param explanation one sentence for a manager, in the customer's own terms
 * @param evidence the figures behind it, by name
 * @param fresh whether it may raise an alert: a condition entered long ago (an old answer
 * of a backfill) is known but raises nothing
 */
public record Finding(ChurnSignal signal, ChurnAlertSeverity severity, String cause, String explanation,
		Map<String, String> evidence, boolean fresh) {

	public Finding {
		evidence = Map.copyOf(evidence);
	}

}
