package io.loyaltypulse.points.redemption;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.support.idempotency.IdempotencyKeyHeader;
import io.loyaltypulse.support.json.StrictJsonReader;
import io.loyaltypulse.support.problems.ProblemTypes;
import io.loyaltypulse.support.validation.ValidId;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Redemptions (scope {@code points:redeem}) and administrators' adjustments (scope
 * {@code points:admin}). Both go through {@code points-requests} to the topology, the
 * single writer of the customer's balance, and the call answers with its decision: 200
 * with the new balance, 409 when too few points are available, 422 when the idempotency
 * key was used for another request, 400 when the request breaks a rule, 503 with
 * Retry-After when no decision arrived in time (retry with the same key to learn it: a
 * request is never applied twice). Bodies are read strictly: no fraction, string or
 * exponent taken for a number, no unknown field, no duplicate key.
 */
@RestController
class PointsRequestController {

	/** Far more than any redemption or adjustment needs. */
	static final DataSize MAX_BODY = DataSize.ofKilobytes(8);

	private final PointsRequestGateway gateway;

	private final StrictJsonReader reader;

	PointsRequestController(PointsRequestGateway gateway, StrictJsonReader reader) {
		this.gateway = gateway;
		this.reader = reader;
	}

	@PostMapping(path = "/api/v1/customers/{customerId}/redemptions", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> redeem(@PathVariable @ValidId String customerId,
			@RequestHeader(IdempotencyKeyHeader.NAME) String idempotencyKey, HttpServletRequest http)
			throws IOException {
		String key = IdempotencyKeyHeader.validated(idempotencyKey);
		return answer(
				this.gateway.redeem(customerId, key, this.reader.readValid(http, MAX_BODY, RedemptionRequest.class)));
	}

	@PostMapping(path = "/api/v1/admin/customers/{customerId}/adjustments", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> adjust(@PathVariable @ValidId String customerId,
			@RequestHeader(IdempotencyKeyHeader.NAME) String idempotencyKey, HttpServletRequest http)
			throws IOException {
		String key = IdempotencyKeyHeader.validated(idempotencyKey);
		return answer(
				this.gateway.adjust(customerId, key, this.reader.readValid(http, MAX_BODY, AdjustmentRequest.class)));
	}

	private static ResponseEntity<?> answer(PointsRequestOutcome outcome) {
		// "decision", not "status": in a problem document "status" is the HTTP status.
		Map<String, Object> decision = new LinkedHashMap<>();
		decision.put("requestId", outcome.getRequestId());
		decision.put("decision", outcome.getStatus().name());
		decision.put("points", outcome.getPoints());
		decision.put("available", outcome.getAvailableAfter());
		decision.put("pending", outcome.getPendingAfter());
		decision.put("explanation", outcome.getExplanation());
		HttpStatus status = switch (outcome.getStatus()) {
			case APPROVED -> HttpStatus.OK;
			case INSUFFICIENT_POINTS -> HttpStatus.CONFLICT;
			case IDEMPOTENCY_CONFLICT -> HttpStatus.UNPROCESSABLE_CONTENT;
			case INVALID -> HttpStatus.BAD_REQUEST;
		};
		if (status == HttpStatus.OK) {
			decision.put("transactionId", outcome.getTransactionId());
			return ResponseEntity.ok(decision);
		}
		String reason = outcome.getStatus().name().toLowerCase().replace('_', '-');
		ProblemDetail problem = ProblemTypes.problem(status, reason, title(outcome), outcome.getExplanation());
		problem.setProperties(decision);
		return ResponseEntity.status(status).body(problem);
	}

	private static String title(PointsRequestOutcome outcome) {
		return switch (outcome.getStatus()) {
			case APPROVED -> "Approved";
			case INSUFFICIENT_POINTS -> "Not enough points";
			case IDEMPOTENCY_CONFLICT -> "Idempotency key used for another request";
			case INVALID -> "Request refused by a rule";
		};
	}

}
