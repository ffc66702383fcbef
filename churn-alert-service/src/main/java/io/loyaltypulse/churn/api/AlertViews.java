package io.loyaltypulse.churn.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.loyaltypulse.churn.alerts.Alert;
import io.loyaltypulse.churn.alerts.AlertHistoryEntry;
import io.loyaltypulse.events.ChurnAlertSnapshot;
import io.loyaltypulse.support.problems.ApiException;

import org.springframework.http.HttpStatus;

/** Alerts as the API shows them. */
final class AlertViews {

	private AlertViews() {
	}

	static ApiException noSuchAlert(String alertId) {
		return new ApiException(HttpStatus.NOT_FOUND, "alert-not-found", "No such alert", "no alert " + alertId, null);
	}

	static Map<String, Object> summary(Alert alert) {
		return summary(alert.snapshot());
	}

	static Map<String, Object> summary(ChurnAlertSnapshot alert) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", alert.getAlertId());
		view.put("customerId", alert.getCustomerId());
		view.put("signal", alert.getSignal().name());
		view.put("status", alert.getStatus().name());
		view.put("severity", alert.getSeverity().name());
		view.put("risk", alert.getRisk());
		view.put("customerValue", Map.of("amount", alert.getCustomerValue().stripTrailingZeros().toPlainString(),
				"currency", alert.getValueCurrency()));
		view.put("explanation", alert.getExplanation());
		view.put("evidence", new TreeMap<>(alert.getEvidence()));
		view.put("storeId", alert.getStoreId());
		view.put("raisedAt", alert.getRaisedAt().toString());
		view.put("updatedAt", alert.getUpdatedAt().toString());
		view.put("assignee", alert.getAssignee());
		view.put("snoozedUntil", (alert.getSnoozedUntil() != null) ? alert.getSnoozedUntil().toString() : null);
		return view;
	}

	static Map<String, Object> withHistory(Alert alert) {
		Map<String, Object> view = summary(alert);
		view.put("history", history(alert.history()));
		return view;
	}

	private static List<Map<String, Object>> history(List<AlertHistoryEntry> entries) {
		return entries.stream().map((entry) -> {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("at", entry.at().toString());
			view.put("change", entry.change().name());
			view.put("actor", entry.actor());
			view.put("note", entry.note());
			return view;
		}).toList();
	}

}
