package io.loyaltypulse.survey;

import java.time.Instant;

import io.loyaltypulse.events.SurveyResponded;

/** Survey responses for tests: one customer, one response, the slices given. */
public final class Answers {

	private Answers() {
	}

	/**
	 * A response in store S1, channel WEB, region EU, segment VIP, touchpoint DELIVERY,
	 * survey Q4.
	 * @param score 0 to 10, or null when skipped
	 */
	public static SurveyResponded.Builder response(String customerId, String responseId, Integer score,
			Instant occurredAt) {
		return SurveyResponded.newBuilder()
			.setEventId("evt-" + responseId + "-" + occurredAt.toEpochMilli())
			.setCustomerId(customerId)
			.setOccurredAt(occurredAt)
			.setResponseId(responseId)
			.setSurveyId("Q4")
			.setScore(score)
			.setTouchpoint("DELIVERY")
			.setStoreId("S1")
			.setChannel("WEB")
			.setRegion("EU")
			.setSegment("VIP");
	}

}
