package io.loyaltypulse.points.ledger;

import io.loyaltypulse.events.PointsAdjustmentRequested;
import io.loyaltypulse.events.PointsRedemptionRequested;
import io.loyaltypulse.events.PointsRequestKind;

/**
 * A redemption or adjustment request as its decision sees it.
 *
 * @param requestId the id it is decided under, derived from the idempotency key
 * @param attemptId the call that sent it, echoed in its outcome
 * @param kind redemption or adjustment
 * @param points the points asked for
 * @param fingerprint what it asked, to tell a retry from another request under the same
 * key
 */
record Request(String requestId, String attemptId, PointsRequestKind kind, long points, String fingerprint) {

	static Request of(PointsRedemptionRequested request) {
		return new Request(request.getEventId(), request.getAttemptId(), PointsRequestKind.REDEMPTION,
				request.getPoints(),
				"R|%d|%s|%s".formatted(request.getPoints(), request.getOrderId(), request.getDescription()));
	}

	static Request of(PointsAdjustmentRequested request) {
		return new Request(request.getEventId(), request.getAttemptId(), PointsRequestKind.ADJUSTMENT,
				request.getPoints(),
				"A|%d|%s|%s".formatted(request.getPoints(), request.getReason(), request.getActor()));
	}

}
