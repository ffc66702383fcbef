package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.events.PointsRequestStatus;
import org.apache.avro.specific.SpecificRecord;

/**
 * A request id is decided once:
 * {@code retry with the same body = the first outcome again; with another body = IDEMPOTENCY_CONFLICT, and nothing changes}.
 *
 * <p>
 * Every decision is kept in the customer's history, with the balances right after it, so
 * a retry is answered exactly as the first call was, whatever happened since.
 */
final class RequestDecisions {

	/**
	 * Answers a request decided before, and counts the answer.
	 * @return false if the request was not decided before: decide it
	 */
	boolean answerAgain(CustomerAccount account, CustomerHistory history, Request request, Instant at,
			List<SpecificRecord> out) {
		RequestRecord previous = history.request(request.requestId());
		if (previous == null) {
			return false;
		}
		previous.answers++;
		history.saveRequest(previous);
		boolean same = previous.fingerprint.equals(request.fingerprint());
		out.add(PointsRequestOutcome.newBuilder()
			.setEventId(request.requestId() + ":outcome:" + previous.answers)
			.setCustomerId(account.customerId)
			.setOccurredAt(at)
			.setRequestId(request.requestId())
			.setRequestKind(request.kind())
			.setStatus(same ? PointsRequestStatus.valueOf(previous.status) : PointsRequestStatus.IDEMPOTENCY_CONFLICT)
			.setPoints(request.points())
			.setTransactionId(same ? previous.transactionId : null)
			.setAvailableAfter(previous.availableAfter)
			.setPendingAfter(previous.pendingAfter)
			.setExplanation(same ? previous.explanation
					: "the idempotency key was already used for another request; nothing changed")
			.setAttemptId(request.attemptId())
			.build());
		return true;
	}

	/** Decides a request for the first time: keeps the decision and answers it. */
	void decide(CustomerAccount account, CustomerHistory history, Request request, Instant at,
			PointsRequestStatus status, String transactionId, String explanation, List<SpecificRecord> out) {
		RequestRecord record = new RequestRecord();
		record.requestId = request.requestId();
		record.decidedAt = at.toEpochMilli();
		record.fingerprint = request.fingerprint();
		record.status = status.name();
		record.points = request.points();
		record.transactionId = transactionId;
		record.availableAfter = account.available(at.toEpochMilli());
		record.pendingAfter = account.pending(at.toEpochMilli());
		record.explanation = explanation;
		record.answers = 1;
		history.saveRequest(record);
		out.add(PointsRequestOutcome.newBuilder()
			.setEventId(request.requestId() + ":outcome:1")
			.setCustomerId(account.customerId)
			.setOccurredAt(at)
			.setRequestId(request.requestId())
			.setRequestKind(request.kind())
			.setStatus(status)
			.setPoints(request.points())
			.setTransactionId(transactionId)
			.setAvailableAfter(record.availableAfter)
			.setPendingAfter(record.pendingAfter)
			.setExplanation(explanation)
			.setAttemptId(request.attemptId())
			.build());
	}

}
