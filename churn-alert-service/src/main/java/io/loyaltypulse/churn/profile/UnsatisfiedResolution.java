package io.loyaltypulse.churn.profile;

import java.time.Instant;

/**
 * The customer's latest complaint resolved with the customer not satisfied.
 *
 * @param complaintId the complaint
 * @param resolvedAt when it was resolved
 */
public record UnsatisfiedResolution(String complaintId, Instant resolvedAt) {
}
