package io.loyaltypulse.churn.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.loyaltypulse.churn.alerts.AlertIds;
import io.loyaltypulse.events.ChurnAlertActionOutcome;
import io.loyaltypulse.events.ChurnAlertActionStatus;
import io.loyaltypulse.support.idempotency.IdempotencyKeyHeader;
import io.loyaltypulse.support.validation.Violations;

import org.springframework.http.HttpStatus;

/**
 * A manager's action on an alert, whoever carries it (the API or the dashboard): checked
 * by the same rules (the body's, and a snooze ends in the future but within
 * {@code max-snooze}), then sent through the {@link AlertActionGateway}, the one way an
 * action reaches the topology. {@code actor} is who acts, as the alert's history shows
 * it.
 */
public class ManagerActions {

	private final AlertActionGateway gateway;

	private final Duration maxSnooze;

	private final Clock clock;

	ManagerActions(AlertActionGateway gateway, Duration maxSnooze, Clock clock) {
		this.gateway = gateway;
		this.maxSnooze = maxSnooze;
		this.clock = clock;
	}

	public ChurnAlertActionOutcome acknowledge(String alertId, String idempotencyKey, String actor) {
		return act(alertId, idempotencyKey, new ActionBodies.Acknowledge(), actor);
	}

	public ChurnAlertActionOutcome snooze(String alertId, String idempotencyKey, Instant until, String reason,
			String actor) {
		return act(alertId, idempotencyKey, new ActionBodies.Snooze(until, reason), actor);
	}

	public ChurnAlertActionOutcome resolve(String alertId, String idempotencyKey, String reason, String actor) {
		return act(alertId, idempotencyKey, new ActionBodies.Resolve(reason), actor);
	}

	public ChurnAlertActionOutcome assign(String alertId, String idempotencyKey, String assignee, String actor) {
		return act(alertId, idempotencyKey, new ActionBodies.Assign(assignee), actor);
	}

	public ChurnAlertActionOutcome comment(String alertId, String idempotencyKey, String text, String actor) {
		return act(alertId, idempotencyKey, new ActionBodies.Comment(text), actor);
	}

	/**
	 * The HTTP status that says a topology's decision, for the API and the dashboard
	 * alike.
	 */
	public static HttpStatus httpStatus(ChurnAlertActionStatus status) {
		return switch (status) {
			case APPLIED -> HttpStatus.OK;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.BAD_REQUEST;
		};
	}

	/** The alert after an applied action, as the API shows it. */
	public static Map<String, Object> view(ChurnAlertActionOutcome outcome) {
		return AlertViews.summary(outcome.getAlert());
	}

	ChurnAlertActionOutcome act(String alertId, String idempotencyKey, ActionBody body, String actor) {
		String key = IdempotencyKeyHeader.validated(idempotencyKey);
		Violations violations = new Violations();
		body.validate(violations);
		if (body instanceof ActionBodies.Snooze snooze && snooze.until() != null) {
			requireSnoozeWindow(snooze.until(), violations);
		}
		violations.throwIfAny();
		String customerId = AlertIds.customerOf(alertId).orElseThrow(() -> AlertViews.noSuchAlert(alertId));
		return this.gateway.send(customerId, alertId, key, body, actor);
	}

	private void requireSnoozeWindow(Instant until, Violations violations) {
		Instant now = this.clock.instant();
		if (!until.isAfter(now)) {
			violations.add("until", "must be in the future");
		}
		else if (until.isAfter(now.plus(this.maxSnooze))) {
			violations.add("until", "must be at most " + this.maxSnooze.toDays() + " days ahead");
		}
	}

}
