package io.loyaltypulse.churn.alerts;

import io.loyaltypulse.events.ChurnAlertChange;
import io.loyaltypulse.events.ChurnAlertCleared;
import io.loyaltypulse.events.ChurnAlertEscalated;
import io.loyaltypulse.events.ChurnAlertRaised;
import io.loyaltypulse.events.ChurnAlertResolved;
import io.loyaltypulse.events.ChurnAlertUpdated;
import org.apache.avro.specific.SpecificRecord;

/**
 * The events on {@code churn-alerts} for a change just recorded in an alert's history:
 * each carries the alert as it now stands, under the id {@code <alertId>:<n>}.
 */
final class AlertEvents {

	private AlertEvents() {
	}

	static SpecificRecord of(Alert alert) {
		AlertHistoryEntry entry = alert.history.getLast();
		String eventId = alert.alertId + ":" + alert.changes;
		return switch (entry.change()) {
			case RAISED -> ChurnAlertRaised.newBuilder()
				.setEventId(eventId)
				.setCustomerId(alert.customerId)
				.setOccurredAt(entry.at())
				.setAlert(alert.snapshot())
				.build();
			case ESCALATED -> ChurnAlertEscalated.newBuilder()
				.setEventId(eventId)
				.setCustomerId(alert.customerId)
				.setOccurredAt(entry.at())
				.setAlert(alert.snapshot())
				.build();
			case CLEARED -> ChurnAlertCleared.newBuilder()
				.setEventId(eventId)
				.setCustomerId(alert.customerId)
				.setOccurredAt(entry.at())
				.setAlert(alert.snapshot())
				.setReason(entry.note())
				.build();
			case RESOLVED -> ChurnAlertResolved.newBuilder()
				.setEventId(eventId)
				.setCustomerId(alert.customerId)
				.setOccurredAt(entry.at())
				.setAlert(alert.snapshot())
				.setActor(entry.actor())
				.setReason(entry.note())
				.build();
			default -> ChurnAlertUpdated.newBuilder()
				.setEventId(eventId)
				.setCustomerId(alert.customerId)
				.setOccurredAt(entry.at())
				.setAlert(alert.snapshot())
				.setChange(ChurnAlertChange.valueOf(entry.change().name()))
				.setActor(entry.actor())
				.setNote(entry.note())
				.build();
		};
	}

}
