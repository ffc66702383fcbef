package io.loyaltypulse.survey.engine;

import java.time.Instant;

import io.loyaltypulse.survey.nps.Answer;

/**
 * The version of a response that is counted, kept by responseId so that a correction
 * takes exactly it back out of the counts.
 *
 * @param occurredAt when the counted version was answered
 * @param answer its score and dimension values
 */
record CountedResponse(Instant occurredAt, Answer answer) {

}
