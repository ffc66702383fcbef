package io.loyaltypulse.churn.profile;

import java.time.Instant;

import io.loyaltypulse.events.ComplaintSeverity;

/**
 * A complaint filed and not resolved yet.
 *
 * @param complaintId the complaint
 * @param category its category
 * @param severity its severity, which sets its SLA
 * @param filedAt when it was filed
 */
public record OpenComplaint(String complaintId, String category, ComplaintSeverity severity, Instant filedAt) {
}
