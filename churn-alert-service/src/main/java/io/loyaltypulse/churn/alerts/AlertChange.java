package io.loyaltypulse.churn.alerts;

/**
 * The changes in an alert's life: RAISED opens it, RESOLVED (by a person) and CLEARED (by
 * itself) close it, the others change it while it is open (COMMENTED also after).
 */
public enum AlertChange {

	RAISED, ACKNOWLEDGED, SNOOZED, SNOOZE_ENDED, ASSIGNED, COMMENTED, SEVERITY_CHANGED, ESCALATED, RESOLVED, CLEARED

}
