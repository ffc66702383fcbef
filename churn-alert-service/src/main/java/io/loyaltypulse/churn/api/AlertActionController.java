package io.loyaltypulse.churn.api;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import io.loyaltypulse.events.ChurnAlertActionOutcome;
import io.loyaltypulse.support.idempotency.IdempotencyKeyHeader;
import io.loyaltypulse.support.json.StrictJsonReader;
import io.loyaltypulse.support.problems.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Managers' actions on an alert (scope {@code alerts:write}), each with an
 * {@code Idempotency-Key}: they go through {@code churn-alert-actions} to the topology,
 * the single writer of alerts, and the call answers with the alert after the action: 200,
 * 404 when there is no such alert, 409 when the alert's state does not allow it (for
 * example acknowledging a resolved alert), 400 when the request breaks a rule, 503 with
 * Retry-After when no answer came in time (retry with the same key: an action is never
 * applied twice).
 */
@RestController
class AlertActionController {

	static final DataSize MAX_BODY = DataSize.ofKilobytes(8);

	private final ManagerActions actions;

	private final StrictJsonReader reader;

	AlertActionController(ManagerActions actions, StrictJsonReader reader) {
		this.actions = actions;
		this.reader = reader;
	}

	@PostMapping("/api/v1/alerts/{alertId}/acknowledge")
	ResponseEntity<?> acknowledge(@PathVariable String alertId,
			@RequestHeader(IdempotencyKeyHeader.NAME) String idempotencyKey, HttpServletRequest http,
			Principal principal) throws IOException, HttpMediaTypeNotSupportedException {
		// No body is needed; one that is sent must be an empty JSON object.
		ActionBody body = new ActionBodies.Acknowledge();
		if (http.getContentLengthLong() > 0 || http.getHeader("Transfer-Encoding") != null) {
			requireJson(http);
			body = this.reader.read(http, MAX_BODY, ActionBodies.Acknowledge.class);
		}
		return act(alertId, idempotencyKey, body, principal);
	}

	@PostMapping(path = "/api/v1/alerts/{alertId}/snooze", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> snooze(@PathVariable String alertId,
			@RequestHeader(IdempotencyKeyHeader.NAME) String idempotencyKey, HttpServletRequest http,
			Principal principal) throws IOException {
		return act(alertId, idempotencyKey, this.reader.read(http, MAX_BODY, ActionBodies.Snooze.class), principal);
	}

	@PostMapping(path = "/api/v1/alerts/{alertId}/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> resolve(@PathVariable String alertId,
			@RequestHeader(IdempotencyKeyHeader.NAME) String idempotencyKey, HttpServletRequest http,
			Principal principal) throws IOException {
		return act(alertId, idempotencyKey, this.reader.read(http, MAX_BODY, ActionBodies.Resolve.class), principal);
	}

	@PostMapping(path = "/api/v1/alerts/{alertId}/assign", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> assign(@PathVariable String alertId,
			@RequestHeader(IdempotencyKeyHeader.NAME) String idempotencyKey, HttpServletRequest http,
			Principal principal) throws IOException {
		return act(alertId, idempotencyKey, this.reader.read(http, MAX_BODY, ActionBodies.Assign.class), principal);
	}

	@PostMapping(path = "/api/v1/alerts/{alertId}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> comment(@PathVariable String alertId,
			@RequestHeader(IdempotencyKeyHeader.NAME) String idempotencyKey, HttpServletRequest http,
			Principal principal) throws IOException {
		return act(alertId, idempotencyKey, this.reader.read(http, MAX_BODY, ActionBodies.Comment.class), principal);
	}

	private static void requireJson(HttpServletRequest http) throws HttpMediaTypeNotSupportedException {
		String contentType = http.getContentType();
		if (contentType == null
				|| !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))) {
			throw new HttpMediaTypeNotSupportedException(
					(contentType != null) ? MediaType.parseMediaType(contentType) : null,
					List.of(MediaType.APPLICATION_JSON));
		}
	}

	private ResponseEntity<?> act(String alertId, String idempotencyKey, ActionBody body, Principal principal) {
		return answer(this.actions.act(alertId, idempotencyKey, body, principal.getName()));
	}

	private static ResponseEntity<?> answer(ChurnAlertActionOutcome outcome) {
		HttpStatus status = ManagerActions.httpStatus(outcome.getStatus());
		if (status == HttpStatus.OK) {
			return ResponseEntity.ok(AlertViews.summary(outcome.getAlert()));
		}
		String reason = switch (outcome.getStatus()) {
			case NOT_FOUND -> "alert-not-found";
			case CONFLICT -> "alert-state-conflict";
			default -> "action-refused";
		};
		ProblemDetail problem = ProblemTypes.problem(status, reason, title(outcome), outcome.getExplanation());
		if (outcome.getAlert() != null) {
			problem.setProperty("alertStatus", outcome.getAlert().getStatus().name());
		}
		return ResponseEntity.status(status).body(problem);
	}

	private static String title(ChurnAlertActionOutcome outcome) {
		return switch (outcome.getStatus()) {
			case APPLIED -> "Applied";
			case NOT_FOUND -> "No such alert";
			case CONFLICT -> "Not allowed in the alert's state";
			case INVALID -> "Action refused by a rule";
		};
	}

}
