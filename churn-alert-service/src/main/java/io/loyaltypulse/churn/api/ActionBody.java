package io.loyaltypulse.churn.api;

import io.loyaltypulse.events.ChurnAlertAction;
import io.loyaltypulse.events.ChurnAlertActionRequested;
import io.loyaltypulse.support.validation.ValidatedBody;

/** The body of an action on an alert: which action, and what it carries. */
interface ActionBody extends ValidatedBody {

	ChurnAlertAction action();

	/** Copies what the body carries into the request. */
	void fill(ChurnAlertActionRequested.Builder request);

}
