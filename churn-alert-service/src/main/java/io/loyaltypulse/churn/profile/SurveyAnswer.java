package io.loyaltypulse.churn.profile;

import java.time.Instant;

/**
 * One of the customer's latest survey answers.
 *
 * @param responseId the response (a correction has the same one, later)
 * @param surveyId the survey
 * @param score 0-10, or null when the question was skipped
 * @param occurredAt when it was answered
 * @param comment the customer's comment, shown in the customer 360, never logged
 */
public record SurveyAnswer(String responseId, String surveyId, Integer score, Instant occurredAt, String comment) {

	/** {@code score <= 6}. */
	public boolean isDetractor() {
		return this.score != null && this.score <= 6;
	}

}
