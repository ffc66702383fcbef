package io.loyaltypulse.churn.profile;

/**
 * Where a customer stands on one signal: whether they were in its condition at the last
 * check, and the alert of this episode, if one was raised. An episode lasts while the
 * condition holds: it raises at most one alert, so a resolved alert is raised again only
 * when the customer leaves the condition and enters it anew.
 *
 * @param inCondition the condition held at the last check
 * @param alertId the open alert of this episode; null when none is open (the condition
 * does not hold, or it holds and a person resolved its alert)
 * @param cause what the episode is about (an invoice, a response, a complaint), so that a
 * new cause starts a new episode
 */
public record SignalState(boolean inCondition, String alertId, String cause) {

	public static final SignalState NONE = new SignalState(false, null, null);

}
