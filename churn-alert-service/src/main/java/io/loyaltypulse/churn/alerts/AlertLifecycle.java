package io.loyaltypulse.churn.alerts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.loyaltypulse.churn.profile.CustomerProfile;
import io.loyaltypulse.churn.profile.SignalState;
import io.loyaltypulse.churn.signals.Finding;
import io.loyaltypulse.churn.signals.RiskScore;
import io.loyaltypulse.churn.signals.SignalRule;
import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ChurnAlertStatus;
import io.loyaltypulse.events.ChurnSignal;
import org.apache.avro.specific.SpecificRecord;

/**
 * The alert lifecycle, at a check of one customer:
 * {@code enter condition -> RAISED (OPEN);
 * condition ends -> CLEARED; OPEN past escalate-after -> ESCALATED; SNOOZED until t -> at t,
 * OPEN again if the condition holds}. One alert per customer and signal at a time, and at
 * most one per episode of a condition: after a person resolves it, the customer is
 * alerted again only when they leave the condition and enter it anew (or for a new cause:
 * another detractor answer, another complaint).
 */
public final class AlertLifecycle {

	private final List<SignalRule> rules;

	private final RiskScore riskScore;

	private final Duration escalateAfter;

	private final String valueCurrency;

	public AlertLifecycle(List<SignalRule> rules, RiskScore riskScore, Duration escalateAfter, String valueCurrency) {
		this.rules = List.copyOf(rules);
		this.riskScore = riskScore;
		this.escalateAfter = escalateAfter;
		this.valueCurrency = valueCurrency;
	}

	/** Every signal's finding for the customer now. */
	public Map<ChurnSignal, Finding> findings(CustomerProfile profile, Instant now) {
		Map<ChurnSignal, Finding> findings = new EnumMap<>(ChurnSignal.class);
		for (SignalRule rule : this.rules) {
			rule.evaluate(profile, now).ifPresent((finding) -> findings.put(rule.signal(), finding));
		}
		return findings;
	}

	/** The customer's risk score now: their open conditions weighed by their value. */
	public double risk(Map<ChurnSignal, Finding> findings, BigDecimal customerValue) {
		return this.riskScore.of(findings.values().stream().map(Finding::severity).toList(), customerValue);
	}

	/**
	 * Checks the customer now: raises, updates, escalates and clears their alerts, and
	 * returns the events for {@code churn-alerts}, in order.
	 */
	public List<SpecificRecord> check(String customerId, CustomerProfile profile, Instant now, AlertBook book) {
		Map<ChurnSignal, Finding> findings = findings(profile, now);
		BigDecimal value = profile.spendOver12Months(LocalDate.ofInstant(now, ZoneOffset.UTC));
		double risk = risk(findings, value);
		List<SpecificRecord> events = new ArrayList<>();
		for (SignalRule rule : this.rules) {
			ChurnSignal signal = rule.signal();
			SignalState state = profile.signal(signal);
			Finding finding = findings.get(signal);
			Alert active = (state.alertId() != null) ? book.get(state.alertId()) : null;
			if (finding == null) {
				if (active != null) {
					clear(active, profile, now, book, events);
				}
				profile.signal(signal, SignalState.NONE);
				continue;
			}
			boolean newEpisode = !state.inCondition() || !Objects.equals(state.cause(), finding.cause());
			if (active != null) {
				weigh(active, risk, value, profile);
				follow(active, finding, now, events);
				profile.signal(signal, new SignalState(true, active.alertId, finding.cause()));
			}
			else if (newEpisode && finding.fresh()) {
				active = raise(customerId, profile, finding, risk, value, now, events);
				profile.signal(signal, new SignalState(true, active.alertId, finding.cause()));
			}
			else {
				profile.signal(signal, new SignalState(true, null, finding.cause()));
			}
			if (active != null) {
				book.put(active);
			}
		}
		return events;
	}

	/**
	 * When the customer must next be checked with no new event: the first change a rule
	 * foresees, an escalation or the end of a snooze; or {@link CustomerProfile#NEVER}.
	 */
	public long nextCheck(CustomerProfile profile, Instant now, AlertBook book) {
		long next = CustomerProfile.NEVER;
		for (SignalRule rule : this.rules) {
			next = Math.min(next, rule.nextChange(profile, now));
		}
		for (String alertId : profile.activeAlerts().values()) {
			Alert alert = book.get(alertId);
			if (alert != null && alert.status == ChurnAlertStatus.OPEN) {
				next = Math.min(next,
						Math.max(now.toEpochMilli() + 1, alert.openSince.plus(this.escalateAfter).toEpochMilli()));
			}
			else if (alert != null && alert.status == ChurnAlertStatus.SNOOZED) {
				next = Math.min(next, Math.max(now.toEpochMilli() + 1, alert.snoozedUntil.toEpochMilli()));
			}
		}
		return next;
	}

	private Alert raise(String customerId, CustomerProfile profile, Finding finding, double risk, BigDecimal value,
			Instant now, List<SpecificRecord> events) {
		Alert alert = new Alert(AlertIds.of(customerId, finding.signal(), profile.nextAlertSequence()), customerId,
				finding.signal(), now);
		alert.status = ChurnAlertStatus.OPEN;
		alert.openSince = now;
		alert.valueCurrency = this.valueCurrency;
		weigh(alert, risk, value, profile);
		describe(alert, finding);
		alert.record(new AlertHistoryEntry(now, AlertChange.RAISED, null, finding.explanation(), null));
		events.add(AlertEvents.of(alert));
		return alert;
	}

	/**
	 * An open alert while its condition holds: a new severity is told; a snooze that
	 * ended brings it back; an open alert nobody took escalates.
	 */
	private void follow(Alert alert, Finding finding, Instant now, List<SpecificRecord> events) {
		if (finding.severity() != alert.severity) {
			ChurnAlertSeverity before = alert.severity;
			describe(alert, finding);
			alert.record(new AlertHistoryEntry(now, AlertChange.SEVERITY_CHANGED, null,
					before + " -> " + finding.severity(), null));
			events.add(AlertEvents.of(alert));
		}
		if (alert.status == ChurnAlertStatus.SNOOZED && !now.isBefore(alert.snoozedUntil)) {
			describe(alert, finding);
			alert.status = ChurnAlertStatus.OPEN;
			alert.snoozedUntil = null;
			alert.openSince = now;
			alert.record(new AlertHistoryEntry(now, AlertChange.SNOOZE_ENDED, null, finding.explanation(), null));
			events.add(AlertEvents.of(alert));
		}
		if (alert.status == ChurnAlertStatus.OPEN && !now.isBefore(alert.openSince.plus(this.escalateAfter))) {
			alert.status = ChurnAlertStatus.ESCALATED;
			alert.record(new AlertHistoryEntry(now, AlertChange.ESCALATED, null,
					"open and unacknowledged for " + this.escalateAfter.toHours() + "h", null));
			events.add(AlertEvents.of(alert));
		}
	}

	private static void clear(Alert alert, CustomerProfile profile, Instant now, AlertBook book,
			List<SpecificRecord> events) {
		alert.status = ChurnAlertStatus.CLEARED;
		alert.snoozedUntil = null;
		alert.record(new AlertHistoryEntry(now, AlertChange.CLEARED, null, clearedBecause(alert.signal), null));
		events.add(AlertEvents.of(alert));
		book.put(alert);
		close(alert, profile, book);
	}

	/**
	 * Remembers a closed alert with the customer, forgetting the oldest beyond the bound.
	 */
	static void close(Alert alert, CustomerProfile profile, AlertBook book) {
		String forgotten = profile.closed(alert.alertId);
		if (forgotten != null) {
			book.forget(forgotten);
		}
	}

	/**
	 * The customer's risk and value now, before any event of this check is written: the
	 * event a CRM receives carries the same figures as the alert the API shows.
	 */
	private static void weigh(Alert alert, double risk, BigDecimal value, CustomerProfile profile) {
		alert.risk = risk;
		alert.customerValue = value;
		alert.storeId = profile.storeId();
	}

	private static void describe(Alert alert, Finding finding) {
		alert.severity = finding.severity();
		alert.explanation = finding.explanation();
		alert.evidence = finding.evidence();
	}

	private static String clearedBecause(ChurnSignal signal) {
		return switch (signal) {
			case SILENCE -> "the customer bought again";
			case ARREARS -> "no invoice is overdue any more: paid or cancelled";
			case REPEAT_DECLINE -> "the customer's purchase rate recovered";
			case DETRACTOR -> "the customer's latest answer is no longer a detractor's";
			case COMPLAINT -> "no complaint is past its SLA, unsatisfied or repeated any more";
		};
	}

}
