package io.loyaltypulse.points.redemption;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.points.config.PointsProperties;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Redemptions and administrators' adjustments. Both go through {@code points-requests} to
 * the topology, the single writer of the customer's balance, and the call answers with
 * its decision: 200 with the new balance, 409 when too few points are available, 422 when
 * the idempotency key was used for another request, 400 when the request breaks a rule,
 * 503 with Retry-After when no decision arrived in time (retry with the same key to learn
 * it: a request is never applied twice). Errors are problem details, see
 * {@link RedemptionProblems}.
 */
@RestController
class PointsRequestController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	static final String API_KEY = "X-Api-Key";

	private final PointsRequestGateway gateway;

	private final PointsProperties properties;

	PointsRequestController(PointsRequestGateway gateway, PointsProperties properties) {
		this.gateway = gateway;
		this.properties = properties;
	}

	@PostMapping("/api/v1/customers/{customerId}/redemptions")
	ResponseEntity<?> redeem(@PathVariable String customerId, @RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
			@Valid @RequestBody RedemptionRequest body) throws OutcomeUnavailableException {
		return answer(this.gateway.redeem(customerId, idempotencyKey, body));
	}

	@PostMapping("/api/v1/admin/customers/{customerId}/adjustments")
	ResponseEntity<?> adjust(@PathVariable String customerId, @RequestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
			@RequestHeader(name = API_KEY, required = false) String apiKey, @Valid @RequestBody AdjustmentRequest body)
			throws OutcomeUnavailableException {
		if (!isAdmin(apiKey)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
					"adjustments need the administrators' key in " + API_KEY);
			return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
		}
		if (body.points() == 0) {
			return ResponseEntity.badRequest()
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "points must not be 0"));
		}
		return answer(this.gateway.adjust(customerId, idempotencyKey, body));
	}

	private static ResponseEntity<?> answer(PointsRequestOutcome outcome) {
		// "decision", not "status": in a problem document "status" is the HTTP status.
		Map<String, Object> decision = Map.of("requestId", outcome.getRequestId(), "decision",
				outcome.getStatus().name(), "points", outcome.getPoints(), "available", outcome.getAvailableAfter(),
				"pending", outcome.getPendingAfter(), "explanation", outcome.getExplanation());
		HttpStatus status = switch (outcome.getStatus()) {
			case APPROVED -> HttpStatus.OK;
			case INSUFFICIENT_POINTS -> HttpStatus.CONFLICT;
			case IDEMPOTENCY_CONFLICT -> HttpStatus.UNPROCESSABLE_CONTENT;
			case INVALID -> HttpStatus.BAD_REQUEST;
		};
		if (status == HttpStatus.OK) {
			Map<String, Object> approved = new LinkedHashMap<>(decision);
			approved.put("transactionId", outcome.getTransactionId());
			return ResponseEntity.ok(approved);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, outcome.getExplanation());
		problem.setType(URI.create("urn:loyalty-pulse:points:" + outcome.getStatus().name().toLowerCase()));
		problem.setProperties(decision);
		return ResponseEntity.status(status).body(problem);
	}

	private boolean isAdmin(String presented) {
		String expected = this.properties.adminApiKey();
		return expected != null && !expected.isBlank() && presented != null && MessageDigest
			.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
	}

}
