package io.loyaltypulse.churn.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.LongConsumer;

import io.loyaltypulse.events.ChurnSignal;
import io.loyaltypulse.events.ComplaintSeverity;
import io.loyaltypulse.support.state.StateReader;
import io.loyaltypulse.support.state.StateWriter;
import io.loyaltypulse.support.state.VersionedSerde;

/** The {@code customer-profiles} store's records, version 1. */
public final class CustomerProfileSerde extends VersionedSerde<CustomerProfile> {

	public CustomerProfileSerde(LongConsumer sizeObserver) {
		super("customer profile", 1, sizeObserver);
	}

	@Override
	protected void write(CustomerProfile profile, StateWriter out) {
		out.writeInt(profile.purchaseDays.size());
		profile.purchaseDays.forEach((day) -> out.writeLong(day.toEpochDay()));
		out.writeBoolean(profile.firstPurchaseDay != null);
		if (profile.firstPurchaseDay != null) {
			out.writeLong(profile.firstPurchaseDay.toEpochDay()).writeInt(profile.purchaseDayCount);
		}
		out.writeString(profile.storeId);
		out.writeInt(profile.monthlySpend.size());
		profile.monthlySpend.forEach(
				(month, amount) -> out.writeInt(month.getYear() * 12 + month.getMonthValue() - 1).writeDecimal(amount));
		out.writeInt(profile.openInvoices.size());
		profile.openInvoices.values()
			.forEach((invoice) -> out.writeString(invoice.invoiceId())
				.writeDecimal(invoice.amount())
				.writeDecimal(invoice.paid())
				.writeString(invoice.currency())
				.writeLong(invoice.dueDate().toEpochDay()));
		out.writeInt(profile.answers.size());
		profile.answers.forEach((answer) -> out.writeString(answer.responseId())
			.writeString(answer.surveyId())
			.writeInt((answer.score() != null) ? answer.score() : -1)
			.writeLong(answer.occurredAt().toEpochMilli())
			.writeString(answer.comment()));
		out.writeInt(profile.openComplaints.size());
		profile.openComplaints.values()
			.forEach((complaint) -> out.writeString(complaint.complaintId())
				.writeString(complaint.category())
				.writeInt(complaint.severity().ordinal())
				.writeLong(complaint.filedAt().toEpochMilli()));
		out.writeInt(profile.complaintsFiled.size());
		profile.complaintsFiled.forEach((at) -> out.writeLong(at.toEpochMilli()));
		out.writeBoolean(profile.lastUnsatisfied != null);
		if (profile.lastUnsatisfied != null) {
			out.writeString(profile.lastUnsatisfied.complaintId())
				.writeLong(profile.lastUnsatisfied.resolvedAt().toEpochMilli());
		}
		out.writeLong(profile.pointsBalance).writeLong(profile.pointsSequence);
		out.writeInt(profile.recentIds.size());
		profile.recentIds.forEach(out::writeString);
		out.writeInt(profile.signals.size());
		profile.signals.forEach((signal, state) -> out.writeInt(signal.ordinal())
			.writeBoolean(state.inCondition())
			.writeString(state.alertId())
			.writeString(state.cause()));
		out.writeInt(profile.alertSequence);
		out.writeInt(profile.closedAlerts.size());
		profile.closedAlerts.forEach(out::writeString);
		out.writeLong(profile.dueAt);
	}

	@Override
	protected CustomerProfile read(int version, StateReader in) {
		CustomerProfile profile = new CustomerProfile();
		for (int i = in.readCount(); i > 0; i--) {
			profile.purchaseDays.add(LocalDate.ofEpochDay(in.readLong()));
		}
		if (in.readBoolean()) {
			profile.firstPurchaseDay = LocalDate.ofEpochDay(in.readLong());
			profile.purchaseDayCount = in.readInt();
		}
		profile.storeId = in.readString();
		for (int i = in.readCount(); i > 0; i--) {
			int month = in.readInt();
			profile.monthlySpend.put(YearMonth.of(month / 12, month % 12 + 1), in.readDecimal());
		}
		for (int i = in.readCount(); i > 0; i--) {
			OpenInvoice invoice = new OpenInvoice(in.readString(), in.readDecimal(), in.readDecimal(), in.readString(),
					LocalDate.ofEpochDay(in.readLong()));
			profile.openInvoices.put(invoice.invoiceId(), invoice);
		}
		for (int i = in.readCount(); i > 0; i--) {
			String responseId = in.readString();
			String surveyId = in.readString();
			int score = in.readInt();
			profile.answers.add(new SurveyAnswer(responseId, surveyId, (score >= 0) ? score : null,
					Instant.ofEpochMilli(in.readLong()), in.readString()));
		}
		for (int i = in.readCount(); i > 0; i--) {
			OpenComplaint complaint = new OpenComplaint(in.readString(), in.readString(),
					ComplaintSeverity.values()[in.readInt()], Instant.ofEpochMilli(in.readLong()));
			profile.openComplaints.put(complaint.complaintId(), complaint);
		}
		for (int i = in.readCount(); i > 0; i--) {
			profile.complaintsFiled.addLast(Instant.ofEpochMilli(in.readLong()));
		}
		if (in.readBoolean()) {
			profile.lastUnsatisfied = new UnsatisfiedResolution(in.readString(), Instant.ofEpochMilli(in.readLong()));
		}
		profile.pointsBalance = in.readLong();
		profile.pointsSequence = in.readLong();
		for (int i = in.readCount(); i > 0; i--) {
			profile.recentIds.addLast(in.readString());
		}
		for (int i = in.readCount(); i > 0; i--) {
			ChurnSignal signal = ChurnSignal.values()[in.readInt()];
			profile.signals.put(signal, new SignalState(in.readBoolean(), in.readString(), in.readString()));
		}
		profile.alertSequence = in.readInt();
		for (int i = in.readCount(); i > 0; i--) {
			profile.closedAlerts.addLast(in.readString());
		}
		profile.dueAt = in.readLong();
		return profile;
	}

}
