package io.loyaltypulse.survey.engine;

/**
 * One answer added to ({@code sign} 1) or taken from ({@code sign} -1) the counts of a
 * slice, on the day of the record's timestamp; what flows from the responses, keyed by
 * customer, to the counts, keyed by slice.
 *
 * @param score 0 to 10, or null for a skipped question
 * @param sign 1 or -1
 */
record SliceDelta(Integer score, int sign) {

}
