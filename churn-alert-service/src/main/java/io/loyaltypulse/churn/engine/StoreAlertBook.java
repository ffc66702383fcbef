package io.loyaltypulse.churn.engine;

import io.loyaltypulse.churn.alerts.Alert;
import io.loyaltypulse.churn.alerts.AlertBook;
import org.apache.kafka.streams.state.KeyValueStore;

/** The alerts of a task, in its {@code alerts} store. */
record StoreAlertBook(KeyValueStore<String, Alert> store) implements AlertBook {

	@Override
	public Alert get(String alertId) {
		return this.store.get(alertId);
	}

	@Override
	public void put(Alert alert) {
		this.store.put(alert.alertId(), alert);
	}

	@Override
	public void forget(String alertId) {
		this.store.delete(alertId);
	}

}
