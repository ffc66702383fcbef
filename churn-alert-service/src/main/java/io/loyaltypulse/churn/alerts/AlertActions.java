package io.loyaltypulse.churn.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.loyaltypulse.churn.profile.CustomerProfile;
import io.loyaltypulse.churn.profile.SignalState;
import io.loyaltypulse.events.ChurnAlertAction;
import io.loyaltypulse.events.ChurnAlertActionRequested;
import io.loyaltypulse.events.ChurnAlertActionStatus;
import io.loyaltypulse.events.ChurnAlertStatus;
import org.apache.avro.specific.SpecificRecord;

/**
 * A manager's actions on an alert: {@code acknowledge: OPEN|ESCALATED -> ACKNOWLEDGED;
 * snooze: open -> SNOOZED until t (now < t <= now + max-snooze); resolve: open -> RESOLVED;
 * assign: open -> same, with an assignee; comment: any}, where open means neither
 * RESOLVED nor CLEARED. A request applied before is answered with the alert as it stands
 * and applied no second time; an action on a closed alert is a conflict.
 */
public final class AlertActions {

	private static final Set<ChurnAlertStatus> ACKNOWLEDGEABLE = EnumSet.of(ChurnAlertStatus.OPEN,
			ChurnAlertStatus.ESCALATED);

	private final Duration maxSnooze;

	public AlertActions(Duration maxSnooze) {
		this.maxSnooze = maxSnooze;
	}

	/** Whether an alert in this status can be acknowledged (nobody took it yet). */
	public static boolean acknowledgeable(ChurnAlertStatus status) {
		return ACKNOWLEDGEABLE.contains(status);
	}

	/**
	 * The decision on an action, with the events it writes on {@code churn-alerts}.
	 *
	 * @param status the decision
	 * @param explanation why, for the caller
	 * @param alert the alert after it, or null when there is none
	 * @param events the changes to publish
	 */
	public record Outcome(ChurnAlertActionStatus status, String explanation, Alert alert, List<SpecificRecord> events) {
	}

	public Outcome apply(ChurnAlertActionRequested request, CustomerProfile profile, Instant now, AlertBook book) {
		Alert alert = book.get(request.getAlertId());
		if (alert == null || !alert.customerId.equals(request.getCustomerId())) {
			return refused(ChurnAlertActionStatus.NOT_FOUND, "no alert " + request.getAlertId(), null);
		}
		if (alert.applied(request.getEventId())) {
			return new Outcome(ChurnAlertActionStatus.APPLIED, "applied already", alert, List.of());
		}
		if (alert.isClosed() && request.getAction() != ChurnAlertAction.COMMENT) {
			return refused(ChurnAlertActionStatus.CONFLICT, "the alert is " + alert.status + " already", alert);
		}
		String actor = request.getActor();
		String requestId = request.getEventId();
		switch (request.getAction()) {
			case ACKNOWLEDGE -> {
				if (alert.status == ChurnAlertStatus.ACKNOWLEDGED) {
					return new Outcome(ChurnAlertActionStatus.APPLIED, "acknowledged already", alert, List.of());
				}
				if (!ACKNOWLEDGEABLE.contains(alert.status)) {
					return refused(
							ChurnAlertActionStatus.CONFLICT, "a " + alert.status
									+ " alert cannot be acknowledged; it is snoozed until " + alert.snoozedUntil,
							alert);
				}
				alert.status = ChurnAlertStatus.ACKNOWLEDGED;
				alert.record(new AlertHistoryEntry(now, AlertChange.ACKNOWLEDGED, actor, null, requestId));
			}
			case SNOOZE -> {
				Instant until = request.getSnoozeUntil();
				if (until == null || !until.isAfter(now) || until.isAfter(now.plus(this.maxSnooze))) {
					return refused(ChurnAlertActionStatus.INVALID,
							"a snooze must end after now and within " + this.maxSnooze.toDays() + " days", alert);
				}
				alert.status = ChurnAlertStatus.SNOOZED;
				alert.snoozedUntil = until;
				alert.record(new AlertHistoryEntry(now, AlertChange.SNOOZED, actor, request.getReason(), requestId));
			}
			case RESOLVE -> {
				alert.status = ChurnAlertStatus.RESOLVED;
				alert.snoozedUntil = null;
				alert.record(new AlertHistoryEntry(now, AlertChange.RESOLVED, actor, request.getReason(), requestId));
				SignalState state = profile.signal(alert.signal);
				if (alert.alertId.equals(state.alertId())) {
					profile.signal(alert.signal, new SignalState(true, null, state.cause()));
				}
				AlertLifecycle.close(alert, profile, book);
			}
			case ASSIGN -> {
				alert.assignee = request.getAssignee();
				alert.record(new AlertHistoryEntry(now, AlertChange.ASSIGNED, actor, request.getAssignee(), requestId));
			}
			case COMMENT ->
				alert.record(new AlertHistoryEntry(now, AlertChange.COMMENTED, actor, request.getComment(), requestId));
		}
		book.put(alert);
		return new Outcome(ChurnAlertActionStatus.APPLIED,
				alert.history.getLast().change().name().toLowerCase(Locale.ROOT), alert,
				List.of(AlertEvents.of(alert)));
	}

	private static Outcome refused(ChurnAlertActionStatus status, String explanation, Alert alert) {
		return new Outcome(status, explanation, alert, List.of());
	}

}
