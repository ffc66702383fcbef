package io.loyaltypulse.support.idempotency;

import io.loyaltypulse.support.problems.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An event id that was accepted recently came back with different content: 409. An id
 * names one business fact; reusing it for another would make consumers drop that one as a
 * duplicate.
 */
public class IdempotencyConflictException extends ApiException {

	private final String eventId;

	public IdempotencyConflictException(String eventId) {
		super(HttpStatus.CONFLICT, "conflict", "Event id reused with different content",
				"Event id '" + eventId + "' was accepted recently with different content; an event id (or "
						+ "Idempotency-Key) names one business fact: use a new id for a new fact",
				null);
		this.eventId = eventId;
	}

	@Override
	protected void describe(ProblemDetail problem) {
		problem.setProperty("eventId", this.eventId);
	}

}
