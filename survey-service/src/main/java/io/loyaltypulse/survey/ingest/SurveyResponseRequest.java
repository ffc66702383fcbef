package io.loyaltypulse.survey.ingest;

import java.time.Instant;

import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.support.ingest.EventKind;
import io.loyaltypulse.support.ingest.EventRequest;
import io.loyaltypulse.support.validation.Violations;

/**
 * An answer to an NPS survey, as {@code POST /api/v1/survey-responses} receives it.
 *
 * <p>
 * Rule: score is a whole number from 0 to 10, or absent when the question was skipped
 * (counted as skipped, never as 0).
 */
record SurveyResponseRequest(String eventId, String customerId, Instant occurredAt, String responseId, String surveyId,
		Integer score, String comment, String touchpoint, String storeId, String channel, String region,
		String segment) implements EventRequest {

	static final int MAX_COMMENT_LENGTH = 5000;

	@Override
	public EventKind type() {
		return SurveyEventType.SURVEY_RESPONDED;
	}

	@Override
	public void validate(Violations violations, Instant earliestOccurredAt, Instant latestOccurredAt) {
		EventRequest.validateCommon(this, violations, earliestOccurredAt, latestOccurredAt);
		violations.requireText("responseId", this.responseId);
		violations.requireText("surveyId", this.surveyId);
		violations.optionalBetween("score", this.score, 0, 10, "omit it, or send null, when the question was skipped");
		violations.optionalFreeText("comment", this.comment, MAX_COMMENT_LENGTH);
		violations.requireText("touchpoint", this.touchpoint);
		violations.optionalText("storeId", this.storeId);
		violations.optionalText("channel", this.channel);
		violations.optionalText("region", this.region);
		violations.optionalText("segment", this.segment);
	}

	@Override
	public SurveyResponded toEvent(String resolvedEventId) {
		return SurveyResponded.newBuilder()
			.setEventId(resolvedEventId)
			.setCustomerId(this.customerId)
			.setOccurredAt(this.occurredAt)
			.setResponseId(this.responseId)
			.setSurveyId(this.surveyId)
			.setScore(this.score)
			.setComment(this.comment)
			.setTouchpoint(this.touchpoint)
			.setStoreId(this.storeId)
			.setChannel(this.channel)
			.setRegion(this.region)
			.setSegment(this.segment)
			.build();
	}

}
