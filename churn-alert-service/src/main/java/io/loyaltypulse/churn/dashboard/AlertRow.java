package io.loyaltypulse.churn.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.loyaltypulse.churn.alerts.Alert;
import io.loyaltypulse.churn.alerts.AlertActions;
import io.loyaltypulse.events.ChurnAlertStatus;
import tools.jackson.databind.JsonNode;

/**
 * One alert as the inbox shows it, read from the API's JSON (the same whether it came
 * from the list, one alert, or an action's answer).
 */
record AlertRow(String id, String customerId, String signal, String status, String severity, double risk,
		String explanation, Instant raisedAt, String age, String value, String currency, String storeId,
		String assignee, Instant snoozedUntil, Map<String, String> evidence, List<HistoryEntry> history) {

	/** A change in the alert's life. */
	record HistoryEntry(Instant at, String change, String actor, String note) {
	}

	static AlertRow of(JsonNode alert, Instant now) {
		Instant raisedAt = Instant.parse(alert.path("raisedAt").asString());
		Map<String, String> evidence = new TreeMap<>();
		alert.path("evidence")
			.properties()
			.forEach((entry) -> evidence.put(entry.getKey(), entry.getValue().asString()));
		List<HistoryEntry> history = new ArrayList<>();
		for (JsonNode entry : alert.path("history")) {
			history.add(new HistoryEntry(Instant.parse(entry.path("at").asString()), entry.path("change").asString(),
					text(entry, "actor"), text(entry, "note")));
		}
		return new AlertRow(alert.path("id").asString(), alert.path("customerId").asString(),
				alert.path("signal").asString(), alert.path("status").asString(), alert.path("severity").asString(),
				alert.path("risk").asDouble(), alert.path("explanation").asString(), raisedAt,
				age(Duration.between(raisedAt, now)), alert.path("customerValue").path("amount").asString(),
				alert.path("customerValue").path("currency").asString(), text(alert, "storeId"),
				text(alert, "assignee"),
				(text(alert, "snoozedUntil") != null) ? Instant.parse(alert.path("snoozedUntil").asString()) : null,
				evidence, history);
	}

	/**
	 * Whether the alert still asks for work (not resolved or cleared); public for the
	 * templates.
	 */
	public boolean open() {
		return !Alert.isClosed(ChurnAlertStatus.valueOf(this.status));
	}

	/**
	 * Whether nobody took the alert yet, so it can be acknowledged; for the templates.
	 */
	public boolean acknowledgeable() {
		return AlertActions.acknowledgeable(ChurnAlertStatus.valueOf(this.status));
	}

	/**
	 * How long ago, in the largest whole unit: {@code 3 d}, {@code 5 h}, {@code 12 min}.
	 */
	static String age(Duration age) {
		if (age.toDays() > 0) {
			return age.toDays() + " d";
		}
		if (age.toHours() > 0) {
			return age.toHours() + " h";
		}
		return Math.max(0, age.toMinutes()) + " min";
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isMissingNode() || value.isNull()) ? null : value.asString();
	}

}
