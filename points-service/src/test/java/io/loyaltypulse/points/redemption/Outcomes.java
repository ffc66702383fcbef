package io.loyaltypulse.points.redemption;

import java.time.Instant;

import io.loyaltypulse.events.PointsRedemptionRequested;
import io.loyaltypulse.events.PointsRequestKind;
import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.events.PointsRequestStatus;

/**
 * Outcome records for the redemption tests.
 */
final class Outcomes {

	private Outcomes() {
	}

	static PointsRequestOutcome outcome(String requestId, int answer, PointsRequestStatus status) {
		return PointsRequestOutcome.newBuilder()
			.setEventId(requestId + ":outcome:" + answer)
			.setCustomerId("c-1")
			.setOccurredAt(Instant.parse("2026-03-01T10:00:00Z"))
			.setRequestId(requestId)
			.setRequestKind(PointsRequestKind.REDEMPTION)
			.setStatus(status)
			.setPoints(100)
			.setTransactionId((status == PointsRequestStatus.APPROVED) ? requestId + ":tx" : null)
			.setAvailableAfter(400)
			.setPendingAfter(50)
			.setExplanation("explained " + status)
			.build();
	}

	/** The topology's answer to one request record: it echoes the record's attempt id. */
	static PointsRequestOutcome answering(PointsRedemptionRequested request, PointsRequestStatus status) {
		return PointsRequestOutcome.newBuilder(outcome(request.getEventId(), 1, status))
			.setPoints(request.getPoints())
			.setAttemptId(request.getAttemptId())
			.build();
	}

	static PointsRequestOutcome approved(String requestId) {
		return outcome(requestId, 1, PointsRequestStatus.APPROVED);
	}

}
