package io.loyaltypulse.schemas.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.events.ChurnAlertAction;
import io.loyaltypulse.events.ChurnAlertActionOutcome;
import io.loyaltypulse.events.ChurnAlertActionRequested;
import io.loyaltypulse.events.ChurnAlertActionStatus;
import io.loyaltypulse.events.ChurnAlertRaised;
import io.loyaltypulse.events.ChurnAlertResolved;
import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ChurnAlertSnapshot;
import io.loyaltypulse.events.ChurnAlertStatus;
import io.loyaltypulse.events.ChurnSignal;
import io.loyaltypulse.events.ComplaintFiled;
import io.loyaltypulse.events.ComplaintResolved;
import io.loyaltypulse.events.ComplaintSeverity;
import io.loyaltypulse.events.InvoiceCancelled;
import io.loyaltypulse.events.InvoiceIssued;
import io.loyaltypulse.events.InvoicePaymentReceived;
import io.loyaltypulse.events.NpsScoreUpdated;
import io.loyaltypulse.events.OrderLine;
import io.loyaltypulse.events.PaymentTerms;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.events.ReferralQualified;
import io.loyaltypulse.events.ReferralRegistered;
import io.loyaltypulse.events.RefundedLine;
import io.loyaltypulse.events.ReviewPublished;
import io.loyaltypulse.events.ReviewStatus;
import io.loyaltypulse.events.SurveyInvitationDue;
import io.loyaltypulse.events.SurveyResponded;

/**
 * One realistic instance of every event type, for tests and benchmarks of the contract.
 * Shared with other modules through this module's test jar.
 */
public final class SampleEvents {

	public static final Instant OCCURRED_AT = Instant.parse("2026-11-20T10:15:30.123Z");

	private SampleEvents() {
	}

	public static PurchaseCompleted purchaseCompleted(String customerId) {
		return PurchaseCompleted.newBuilder()
			.setEventId("evt-purchase-" + customerId)
			.setCustomerId(customerId)
			.setOccurredAt(OCCURRED_AT)
			.setOrderId("order-1001")
			.setStoreId("S1")
			.setChannel("WEB")
			.setRegion("EU-WEST")
			.setLines(List.of(line("1", "SKU-TEA", "GROCERY", 2, "4.50"), line("2", "SKU-MUG", "HOME", 1, "12.00"),
					line("3", "SKU-BOOK", "BOOKS", 3, "19.99")))
			.setTotal(money("80.97"))
			.setCurrency("EUR")
			.setPaymentTerms(PaymentTerms.newBuilder().setNetDays(30).setMethod("INVOICE").build())
			.build();
	}

	public static PurchaseRefunded purchaseRefunded(String customerId) {
		return PurchaseRefunded.newBuilder()
			.setEventId("evt-refund-" + customerId)
			.setCustomerId(customerId)
			.setOccurredAt(OCCURRED_AT.plusSeconds(86_400))
			.setRefundId("refund-1")
			.setOrderId("order-1001")
			.setLines(List.of(RefundedLine.newBuilder().setLineId("3").setQuantity(1).build()))
			.setAmount(money("19.99"))
			.setCurrency("EUR")
			.setReason("DAMAGED")
			.build();
	}

	public static InvoiceIssued invoiceIssued(String customerId) {
		return InvoiceIssued.newBuilder()
			.setEventId("evt-invoice-" + customerId)
			.setCustomerId(customerId)
			.setOccurredAt(OCCURRED_AT)
			.setInvoiceId("inv-77")
			.setOrderId("order-1001")
			.setAmount(money("80.97"))
			.setCurrency("EUR")
			.setIssueDate(LocalDate.of(2026, 11, 20))
			.setDueDate(LocalDate.of(2026, 12, 20))
			.build();
	}

	public static InvoicePaymentReceived invoicePaymentReceived(String customerId) {
		return InvoicePaymentReceived.newBuilder()
			.setEventId("evt-payment-" + customerId)
			.setCustomerId(customerId)
			.setOccurredAt(OCCURRED_AT.plusSeconds(3_600))
			.setInvoiceId("inv-77")
			.setPaymentId("pay-1")
			.setAmount(money("40.00"))
			.setCurrency("EUR")
			.build();
	}

	public static InvoiceCancelled invoiceCancelled(String customerId) {
		return InvoiceCancelled.newBuilder()
			.setEventId("evt-invoice-cancel-" + customerId)
			.setCustomerId(customerId)
			.setOccurredAt(OCCURRED_AT.plusSeconds(7_200))
			.setInvoiceId("inv-78")
			.setReason("DUPLICATE")
			.build();
	}

	public static SurveyResponded surveyResponded(String customerId) {
		return SurveyResponded.newBuilder()
			.setEventId("evt-survey-" + customerId)
			.setCustomerId(customerId)
			.setOccurredAt(OCCURRED_AT)
			.setResponseId("resp-9")
			.setSurveyId("nps-2026-q4")
			.setScore(6)
			.setComment("Delivery was late")
			.setTouchpoint("DELIVERY")
			.setStoreId("S1")
			.setChannel("WEB")
			.setRegion("EU-WEST")
			.setSegment("REGULAR")
			.build();
	}

	public static ComplaintFiled complaintFiled(String customerId) {
		return ComplaintFiled.newBuilder()
			.setEventId("evt-complaint-" + customerId)
			.setCustomerId(customerId)
			.setOccurredAt(OCCURRED_AT)
			.setComplaintId("cmp-5")
			.setCategory("DELIVERY")
			.setSeverity(ComplaintSeverity.HIGH)
			.setOrderId("order-1001")
			.setText("The parcel arrived opened.")
			.setStoreId("S1")
			.setChannel("WEB")
			.setRegion("EU-WEST")
			.setSegment("REGULAR")
			.build();
	}

	/** The counts of one store on one day; keyed by its slice, not by a customer. */
	public static NpsScoreUpdated npsScoreUpdated(String storeId) {
		return NpsScoreUpdated.newBuilder()
			.setSlice("store=" + storeId)
			.setDimensions(java.util.Map.of("store", storeId))
			.setDay(LocalDate.of(2026, 11, 20))
			.setPromoters(3)
			.setPassives(1)
			.setDetractors(1)
			.setSkipped(2)
			.setHistogram(List.of(0L, 0L, 0L, 0L, 0L, 0L, 1L, 0L, 1L, 1L, 2L))
			.build();
	}

	public static SurveyInvitationDue surveyInvitationDue(String customerId) {
		return SurveyInvitationDue.newBuilder()
			.setEventId("invitation:evt-purchase-" + customerId)
			.setCustomerId(customerId)
			.setOccurredAt(OCCURRED_AT.plusSeconds(7 * 86_400))
			.setOrderId("order-1001")
			.setPurchaseEventId("evt-purchase-" + customerId)
			.setPurchasedAt(OCCURRED_AT)
			.setTouchpoint("POST_PURCHASE")
			.setStoreId("S1")
			.setChannel("WEB")
			.setRegion("EU-WEST")
			.build();
	}

	public static ComplaintResolved complaintResolved(String customerId) {
		return ComplaintResolved.newBuilder()
			.setEventId("evt-complaint-resolved-" + customerId)
			.setCustomerId(customerId)
			.setOccurredAt(OCCURRED_AT.plusSeconds(172_800))
			.setComplaintId("cmp-5")
			.setResolution("REPLACED")
			.setCustomerSatisfied(true)
			.build();
	}

	/** A published review of the tea bought in {@link #purchaseCompleted}. */
	public static ReviewPublished reviewPublished(String customerId) {
		return ReviewPublished.newBuilder()
			.setEventId("evt-review-" + customerId)
			.setCustomerId(customerId)
			.setOccurredAt(OCCURRED_AT.plusSeconds(3 * 86_400))
			.setReviewId("review-7")
			.setOrderId("order-1001")
			.setSku("SKU-TEA")
			.setRating(5)
			.setStatus(ReviewStatus.PUBLISHED)
			.build();
	}

	/** A new customer referred by {@code referrerId}. */
	public static ReferralRegistered referralRegistered(String customerId, String referrerId) {
		return ReferralRegistered.newBuilder()
			.setEventId("evt-referral-" + customerId)
			.setCustomerId(customerId)
			.setOccurredAt(OCCURRED_AT.minusSeconds(86_400))
			.setReferrerId(referrerId)
			.build();
	}

	/** The referral of {@code referredCustomerId} qualified; keyed by the referrer. */
	public static ReferralQualified referralQualified(String referrerId, String referredCustomerId) {
		return ReferralQualified.newBuilder()
			.setEventId("referral:" + referredCustomerId)
			.setCustomerId(referrerId)
			.setOccurredAt(OCCURRED_AT.plusSeconds(30 * 86_400))
			.setReferredCustomerId(referredCustomerId)
			.setReferralEventId("evt-referral-" + referredCustomerId)
			.setOrderId("order-1001")
			.build();
	}

	/**
	 * Money at the schema's scale (4), as it comes back from Kafka, so that decoded
	 * events equal these.
	 */
	/** An ARREARS alert as churn-alert-service raises it. */
	public static ChurnAlertRaised churnAlertRaised(String customerId) {
		return ChurnAlertRaised.newBuilder()
			.setEventId("alert-" + customerId + ":1")
			.setCustomerId(customerId)
			.setOccurredAt(OCCURRED_AT)
			.setAlert(churnAlert(customerId, ChurnAlertStatus.OPEN))
			.build();
	}

	public static ChurnAlertResolved churnAlertResolved(String customerId) {
		return ChurnAlertResolved.newBuilder()
			.setEventId("alert-" + customerId + ":2")
			.setCustomerId(customerId)
			.setOccurredAt(OCCURRED_AT.plusSeconds(3_600))
			.setAlert(churnAlert(customerId, ChurnAlertStatus.RESOLVED))
			.setActor("crm-manager")
			.setReason("payment plan agreed")
			.build();
	}

	public static ChurnAlertActionRequested churnAlertActionRequested(String customerId) {
		return ChurnAlertActionRequested.newBuilder()
			.setEventId("action-1")
			.setCustomerId(customerId)
			.setOccurredAt(OCCURRED_AT)
			.setAlertId("alert-" + customerId)
			.setAction(ChurnAlertAction.SNOOZE)
			.setActor("crm-manager")
			.setReason("customer on holiday")
			.setSnoozeUntil(OCCURRED_AT.plusSeconds(86_400))
			.setAttemptId("attempt-1")
			.build();
	}

	public static ChurnAlertActionOutcome churnAlertActionOutcome(String customerId) {
		return ChurnAlertActionOutcome.newBuilder()
			.setEventId("action-1:outcome:attempt-1")
			.setCustomerId(customerId)
			.setOccurredAt(OCCURRED_AT)
			.setRequestId("action-1")
			.setAttemptId("attempt-1")
			.setStatus(ChurnAlertActionStatus.APPLIED)
			.setExplanation("snoozed")
			.setAlert(churnAlert(customerId, ChurnAlertStatus.SNOOZED))
			.build();
	}

	private static ChurnAlertSnapshot churnAlert(String customerId, ChurnAlertStatus status) {
		return ChurnAlertSnapshot.newBuilder()
			.setAlertId("alert-" + customerId)
			.setCustomerId(customerId)
			.setSignal(ChurnSignal.ARREARS)
			.setStatus(status)
			.setSeverity(ChurnAlertSeverity.LOW)
			.setRisk(1.5)
			.setCustomerValue(money("80.97"))
			.setValueCurrency("EUR")
			.setExplanation("invoice inv-77 is 3 days overdue with 80.97 EUR unpaid")
			.setEvidence(Map.of("invoiceId", "inv-77", "daysOverdue", "3"))
			.setStoreId("S1")
			.setRaisedAt(OCCURRED_AT)
			.setUpdatedAt(OCCURRED_AT)
			.setSnoozedUntil((status == ChurnAlertStatus.SNOOZED) ? OCCURRED_AT.plusSeconds(86_400) : null)
			.build();
	}

	public static BigDecimal money(String amount) {
		return new BigDecimal(amount).setScale(4);
	}

	private static OrderLine line(String lineId, String sku, String category, int quantity, String unitPrice) {
		return OrderLine.newBuilder()
			.setLineId(lineId)
			.setSku(sku)
			.setCategory(category)
			.setQuantity(quantity)
			.setUnitPrice(money(unitPrice))
			.build();
	}

}
