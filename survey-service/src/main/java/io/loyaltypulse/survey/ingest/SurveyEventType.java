package io.loyaltypulse.survey.ingest;

import java.util.List;

import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.support.ingest.EventKind;
import io.loyaltypulse.support.ingest.IngestedEvents;
import io.loyaltypulse.support.security.Scopes;

/**
 * The events survey-service accepts: the name a batch item gives in {@code type}, the
 * request class it is read into, the topic it is published on, and the scope a caller
 * needs to send it.
 */
final class SurveyEventType {

	static final EventKind SURVEY_RESPONDED = new EventKind("SurveyResponded", SurveyResponseRequest.class,
			EventTopics.SURVEY_RESPONSES, Scopes.SURVEYS_WRITE);

	static final EventKind COMPLAINT_FILED = new EventKind("ComplaintFiled", ComplaintRequest.class,
			EventTopics.COMPLAINTS, Scopes.COMPLAINTS_WRITE);

	static final EventKind COMPLAINT_RESOLVED = new EventKind("ComplaintResolved", ResolutionRequest.class,
			EventTopics.COMPLAINTS, Scopes.COMPLAINTS_WRITE);

	private SurveyEventType() {
	}

	/**
	 * All of them, for service-support's batch endpoint ({@code POST
	 * /api/v1/events:batch}), a resolution checked against a complaint of the same batch
	 * ({@link ComplaintsInBatch}).
	 */
	static IngestedEvents ingested() {
		return new IngestedEvents(List.of(SURVEY_RESPONDED, COMPLAINT_FILED, COMPLAINT_RESOLVED),
				ComplaintsInBatch::scan);
	}

}
