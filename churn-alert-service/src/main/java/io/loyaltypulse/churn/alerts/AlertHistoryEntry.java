package io.loyaltypulse.churn.alerts;

import java.time.Instant;

/**
 * One change in an alert's life.
 *
 * @param at when
 * @param change what changed
 * @param actor who, or null for the service
 * @param note the comment, the reason, the new assignee or the new severity
 * @param requestId the action request that made it, or null
 */
public record AlertHistoryEntry(Instant at, AlertChange change, String actor, String note, String requestId) {
}
