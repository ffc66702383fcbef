package io.loyaltypulse.survey.engine;

/**
 * One complaint filed, or resolved after {@code resolutionSeconds}, in the counts of a
 * slice on the day of the record's timestamp (the day it was filed).
 */
record ComplaintDelta(String category, String severity, boolean resolved, long resolutionSeconds) {

}
