package io.loyaltypulse.churn.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongConsumer;

import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ChurnAlertStatus;
import io.loyaltypulse.events.ChurnSignal;
import io.loyaltypulse.support.state.StateReader;
import io.loyaltypulse.support.state.StateWriter;
import io.loyaltypulse.support.state.VersionedSerde;

/** The {@code alerts} store's records, version 1. */
public final class AlertSerde extends VersionedSerde<Alert> {

	public AlertSerde(LongConsumer sizeObserver) {
		super("alert", 1, sizeObserver);
	}

	@Override
	protected void write(Alert alert, StateWriter out) {
		out.writeString(alert.alertId)
			.writeString(alert.customerId)
			.writeInt(alert.signal.ordinal())
			.writeInt(alert.status.ordinal())
			.writeInt(alert.severity.ordinal())
			.writeLong(Double.doubleToLongBits(alert.risk))
			.writeDecimal(alert.customerValue)
			.writeString(alert.valueCurrency)
			.writeString(alert.explanation);
		out.writeInt(alert.evidence.size());
		alert.evidence.forEach((name, value) -> out.writeString(name).writeString(value));
		out.writeString(alert.storeId)
			.writeLong(alert.raisedAt.toEpochMilli())
			.writeLong(alert.updatedAt.toEpochMilli())
			.writeString(alert.assignee)
			.writeLong((alert.snoozedUntil != null) ? alert.snoozedUntil.toEpochMilli() : -1)
			.writeLong(alert.openSince.toEpochMilli())
			.writeInt(alert.changes);
		out.writeInt(alert.history.size());
		alert.history.forEach((entry) -> out.writeLong(entry.at().toEpochMilli())
			.writeString(entry.change().name())
			.writeString(entry.actor())
			.writeString(entry.note())
			.writeString(entry.requestId()));
	}

	@Override
	protected Alert read(int version, StateReader in) {
		String alertId = in.readString();
		String customerId = in.readString();
		ChurnSignal signal = ChurnSignal.values()[in.readInt()];
		ChurnAlertStatus status = ChurnAlertStatus.values()[in.readInt()];
		ChurnAlertSeverity severity = ChurnAlertSeverity.values()[in.readInt()];
		double risk = Double.longBitsToDouble(in.readLong());
		BigDecimal customerValue = in.readDecimal();
		String valueCurrency = in.readString();
		String explanation = in.readString();
		Map<String, String> evidence = new LinkedHashMap<>();
		for (int i = in.readCount(); i > 0; i--) {
			evidence.put(in.readString(), in.readString());
		}
		String storeId = in.readString();
		Alert alert = new Alert(alertId, customerId, signal, Instant.ofEpochMilli(in.readLong()));
		alert.status = status;
		alert.severity = severity;
		alert.risk = risk;
		alert.customerValue = customerValue;
		alert.valueCurrency = valueCurrency;
		alert.explanation = explanation;
		alert.evidence = evidence;
		alert.storeId = storeId;
		alert.updatedAt = Instant.ofEpochMilli(in.readLong());
		alert.assignee = in.readString();
		long snoozedUntil = in.readLong();
		alert.snoozedUntil = (snoozedUntil >= 0) ? Instant.ofEpochMilli(snoozedUntil) : null;
		alert.openSince = Instant.ofEpochMilli(in.readLong());
		alert.changes = in.readInt();
		for (int i = in.readCount(); i > 0; i--) {
			alert.history.add(new AlertHistoryEntry(Instant.ofEpochMilli(in.readLong()),
					AlertChange.valueOf(in.readString()), in.readString(), in.readString(), in.readString()));
		}
		return alert;
	}

}
