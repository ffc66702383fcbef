package io.loyaltypulse.churn.alerts;

/** Where the alerts are kept: the {@code alerts} store, or a map in a test. */
public interface AlertBook {

	Alert get(String alertId);

	void put(Alert alert);

	void forget(String alertId);

}
