package io.loyaltypulse.churn.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.loyaltypulse.events.ChurnAlertAction;
import io.loyaltypulse.events.ChurnAlertActionRequested;
import io.loyaltypulse.events.ComplaintFiled;
import io.loyaltypulse.events.ComplaintResolved;
import io.loyaltypulse.events.ComplaintSeverity;
import io.loyaltypulse.events.InvoiceIssued;
import io.loyaltypulse.events.InvoicePaymentReceived;
import io.loyaltypulse.events.OrderLine;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.SurveyResponded;
import org.apache.avro.specific.SpecificRecord;

/**
 * The input events of the churn tests, evaluations and benchmarks, with only what they
 * care about to say.
 */
public final class Events {

	private Events() {
	}

	public static PurchaseCompleted purchase(String customerId, String orderId, Instant at, String total) {
		return PurchaseCompleted.newBuilder()
			.setEventId("purchase-" + orderId)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setOrderId(orderId)
			.setStoreId("S1")
			.setChannel("WEB")
			.setLines(List.of(OrderLine.newBuilder()
				.setLineId("1")
				.setSku("SKU-1")
				.setCategory("GROCERY")
				.setQuantity(1)
				.setUnitPrice(new BigDecimal(total).setScale(4))
				.build()))
			.setTotal(new BigDecimal(total).setScale(4))
			.setCurrency("EUR")
			.build();
	}

	public static InvoiceIssued invoice(String customerId, String invoiceId, Instant at, String amount,
			LocalDate dueDate) {
		return InvoiceIssued.newBuilder()
			.setEventId("invoice-" + invoiceId)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setInvoiceId(invoiceId)
			.setAmount(new BigDecimal(amount).setScale(4))
			.setCurrency("EUR")
			.setIssueDate(LocalDate.ofInstant(at, java.time.ZoneOffset.UTC))
			.setDueDate(dueDate)
			.build();
	}

	public static InvoicePaymentReceived payment(String customerId, String invoiceId, String paymentId, Instant at,
			String amount) {
		return InvoicePaymentReceived.newBuilder()
			.setEventId("payment-" + paymentId)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setInvoiceId(invoiceId)
			.setPaymentId(paymentId)
			.setAmount(new BigDecimal(amount).setScale(4))
			.setCurrency("EUR")
			.build();
	}

	public static SurveyResponded answer(String customerId, String responseId, Integer score, Instant at) {
		return SurveyResponded.newBuilder()
			.setEventId("answer-" + responseId + "-" + at.toEpochMilli())
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setResponseId(responseId)
			.setSurveyId("Q4")
			.setScore(score)
			.setTouchpoint("DELIVERY")
			.build();
	}

	public static ComplaintFiled complaint(String customerId, String complaintId, ComplaintSeverity severity,
			Instant at) {
		return ComplaintFiled.newBuilder()
			.setEventId("complaint-" + complaintId)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setComplaintId(complaintId)
			.setCategory("DELIVERY")
			.setSeverity(severity)
			.build();
	}

	public static ComplaintResolved resolution(String customerId, String complaintId, Instant at, Boolean satisfied) {
		return ComplaintResolved.newBuilder()
			.setEventId("resolution-" + complaintId)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setComplaintId(complaintId)
			.setResolution("REFUNDED")
			.setCustomerSatisfied(satisfied)
			.build();
	}

	public static ChurnAlertActionRequested action(String customerId, String alertId, ChurnAlertAction action,
			String requestId, Instant at) {
		return ChurnAlertActionRequested.newBuilder()
			.setEventId(requestId)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setAlertId(alertId)
			.setAction(action)
			.setActor("manager-1")
			.setAttemptId("attempt-" + requestId)
			.build();
	}

	/** The occurredAt of any input event. */
	public static Instant occurredAt(SpecificRecord event) {
		return (Instant) event.get(event.getSchema().getField("occurredAt").pos());
	}

}
