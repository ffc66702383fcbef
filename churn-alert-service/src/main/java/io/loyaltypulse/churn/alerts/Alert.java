package io.loyaltypulse.churn.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ChurnAlertSnapshot;
import io.loyaltypulse.events.ChurnAlertStatus;
import io.loyaltypulse.events.ChurnSignal;

/**
 * One churn alert and its history, as the topology (its single writer) keeps it in the
 * {@code alerts} store. The history keeps the first entry and the latest
 * {@value #MAX_HISTORY} - 1.
 */
public final class Alert {

	public static final int MAX_HISTORY = 100;

	private static final Set<ChurnAlertStatus> CLOSED = EnumSet.of(ChurnAlertStatus.RESOLVED, ChurnAlertStatus.CLEARED);

	final String alertId;

	final String customerId;

	final ChurnSignal signal;

	ChurnAlertStatus status;

	ChurnAlertSeverity severity;

	double risk;

	BigDecimal customerValue;

	String valueCurrency;

	String explanation;

	Map<String, String> evidence;

	String storeId;

	final Instant raisedAt;

	Instant updatedAt;

	String assignee;

	Instant snoozedUntil;

	/**
	 * Since when it waits for someone, for the escalation: raised, or back from a snooze.
	 */
	Instant openSince;

	/** Changes written so far, numbering the events on churn-alerts. */
	int changes;

	final List<AlertHistoryEntry> history = new ArrayList<>();

	Alert(String alertId, String customerId, ChurnSignal signal, Instant raisedAt) {
		this.alertId = alertId;
		this.customerId = customerId;
		this.signal = signal;
		this.raisedAt = raisedAt;
	}

	public String alertId() {
		return this.alertId;
	}

	public String customerId() {
		return this.customerId;
	}

	public ChurnSignal signal() {
		return this.signal;
	}

	public ChurnAlertStatus status() {
		return this.status;
	}

	public ChurnAlertSeverity severity() {
		return this.severity;
	}

	public double risk() {
		return this.risk;
	}

	public String explanation() {
		return this.explanation;
	}

	public Map<String, String> evidence() {
		return this.evidence;
	}

	public String storeId() {
		return this.storeId;
	}

	public Instant raisedAt() {
		return this.raisedAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public String assignee() {
		return this.assignee;
	}

	public Instant snoozedUntil() {
		return this.snoozedUntil;
	}

	public BigDecimal customerValue() {
		return this.customerValue;
	}

	public String valueCurrency() {
		return this.valueCurrency;
	}

	public List<AlertHistoryEntry> history() {
		return List.copyOf(this.history);
	}

	public boolean isClosed() {
		return isClosed(this.status);
	}

	/** Whether an alert in this status is done with (resolved or cleared). */
	public static boolean isClosed(ChurnAlertStatus status) {
		return CLOSED.contains(status);
	}

	/** Whether an action of this request was applied to it already. */
	boolean applied(String requestId) {
		return this.history.stream().anyMatch((entry) -> requestId.equals(entry.requestId()));
	}

	void record(AlertHistoryEntry entry) {
		this.history.add(entry);
		if (this.history.size() > MAX_HISTORY) {
			this.history.remove(1);
		}
		this.updatedAt = entry.at();
		this.changes++;
	}

	/** The alert as events on churn-alerts carry it. */
	public ChurnAlertSnapshot snapshot() {
		return ChurnAlertSnapshot.newBuilder()
			.setAlertId(this.alertId)
			.setCustomerId(this.customerId)
			.setSignal(this.signal)
			.setStatus(this.status)
			.setSeverity(this.severity)
			.setRisk(this.risk)
			.setCustomerValue(this.customerValue)
			.setValueCurrency(this.valueCurrency)
			.setExplanation(this.explanation)
			.setEvidence(Map.copyOf(this.evidence))
			.setStoreId(this.storeId)
			.setRaisedAt(this.raisedAt)
			.setUpdatedAt(this.updatedAt)
			.setAssignee(this.assignee)
			.setSnoozedUntil(this.snoozedUntil)
			.build();
	}

}
