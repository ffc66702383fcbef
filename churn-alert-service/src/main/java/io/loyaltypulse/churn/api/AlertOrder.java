package io.loyaltypulse.churn.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * The orders of the alert list, over the alerts' JSON views so that the answers of
 * several instances merge in the same order: {@code risk} (highest first, the default),
 * {@code raisedAt} / {@code -raisedAt} (oldest / newest first), {@code updatedAt} /
 * {@code -updatedAt}; ties by id.
 */
enum AlertOrder {

	RISK("risk"), RAISED_AT("raisedAt"), RAISED_AT_DESC("-raisedAt"), UPDATED_AT("updatedAt"),
	UPDATED_AT_DESC("-updatedAt");

	private final String parameter;

	AlertOrder(String parameter) {
		this.parameter = parameter;
	}

	String parameter() {
		return this.parameter;
	}

	static AlertOrder of(String parameter) {
		for (AlertOrder order : values()) {
			if (order.parameter.equals(parameter)) {
				return order;
			}
		}
		return null;
	}

	Comparator<Map<String, Object>> comparator() {
		Comparator<Map<String, Object>> order = switch (this) {
			case RISK ->
				Comparator.comparingDouble((Map<String, Object> alert) -> number(alert.get("risk"))).reversed();
			case RAISED_AT -> Comparator.comparing((Map<String, Object> alert) -> instant(alert.get("raisedAt")));
			case RAISED_AT_DESC ->
				Comparator.comparing((Map<String, Object> alert) -> instant(alert.get("raisedAt"))).reversed();
			case UPDATED_AT -> Comparator.comparing((Map<String, Object> alert) -> instant(alert.get("updatedAt")));
			case UPDATED_AT_DESC ->
				Comparator.comparing((Map<String, Object> alert) -> instant(alert.get("updatedAt"))).reversed();
		};
		return order.thenComparing((alert) -> String.valueOf(alert.get("id")));
	}

	private static double number(Object value) {
		return ((Number) value).doubleValue();
	}

	private static Instant instant(Object value) {
		return Instant.parse(String.valueOf(value));
	}

}
