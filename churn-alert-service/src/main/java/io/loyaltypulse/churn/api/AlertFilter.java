package io.loyaltypulse.churn.api;

import io.loyaltypulse.churn.alerts.Alert;
import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ChurnAlertStatus;
import io.loyaltypulse.events.ChurnSignal;

/**
 * The filters of the alert list; a null filter lets everything through.
 *
 * @param customerId the customer's alerts only
 * @param signal one signal
 * @param status one status
 * @param severity this severity or higher
 * @param assignee assigned to this manager
 * @param store about a customer of this store
 */
record AlertFilter(String customerId, ChurnSignal signal, ChurnAlertStatus status, ChurnAlertSeverity severity,
		String assignee, String store) {

	boolean matches(Alert alert) {
		return (this.customerId == null || this.customerId.equals(alert.customerId()))
				&& (this.signal == null || this.signal == alert.signal())
				&& (this.status == null || this.status == alert.status())
				&& (this.severity == null || alert.severity().compareTo(this.severity) >= 0)
				&& (this.assignee == null || this.assignee.equals(alert.assignee()))
				&& (this.store == null || this.store.equals(alert.storeId()));
	}

}
