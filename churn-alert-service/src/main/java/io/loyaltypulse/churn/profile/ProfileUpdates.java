package io.loyaltypulse.churn.profile;

import io.loyaltypulse.events.ComplaintFiled;
import io.loyaltypulse.events.ComplaintResolved;
import io.loyaltypulse.events.InvoiceCancelled;
import io.loyaltypulse.events.InvoiceIssued;
import io.loyaltypulse.events.InvoicePaymentReceived;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.events.SurveyResponded;
import org.apache.avro.specific.SpecificRecord;

/**
 * What each input event changes in a customer's profile; the spend counts in the value
 * currency only (a shop's customers pay in its currency; others are not converted).
 */
public final class ProfileUpdates {

	private final String valueCurrency;

	public ProfileUpdates(String valueCurrency) {
		this.valueCurrency = valueCurrency;
	}

	/**
	 * @return whether the profile changed (a repeated event changes nothing)
	 */
	public boolean apply(CustomerProfile profile, SpecificRecord event) {
		return switch (event) {
			case PurchaseCompleted purchase -> profile.purchased(purchase.getOrderId(), purchase.getOccurredAt(),
					purchase.getStoreId(), purchase.getTotal(), purchase.getCurrency(), this.valueCurrency);
			case PurchaseRefunded refund -> profile.refunded(refund.getRefundId(), refund.getOccurredAt(),
					refund.getAmount(), refund.getCurrency(), this.valueCurrency);
			case InvoiceIssued invoice -> profile.invoiceIssued(invoice.getInvoiceId(), invoice.getAmount(),
					invoice.getCurrency(), invoice.getDueDate());
			case InvoicePaymentReceived payment -> profile.paymentReceived(payment.getInvoiceId(),
					payment.getPaymentId(), payment.getAmount(), payment.getCurrency());
			case InvoiceCancelled cancellation -> profile.invoiceCancelled(cancellation.getInvoiceId());
			case SurveyResponded answer -> profile.answered(new SurveyAnswer(answer.getResponseId(),
					answer.getSurveyId(), answer.getScore(), answer.getOccurredAt(), answer.getComment()));
			case ComplaintFiled complaint -> profile.complaintFiled(new OpenComplaint(complaint.getComplaintId(),
					complaint.getCategory(), complaint.getSeverity(), complaint.getOccurredAt()));
			case ComplaintResolved resolution -> profile.complaintResolved(resolution.getComplaintId(),
					resolution.getOccurredAt(), resolution.getCustomerSatisfied());
			case PointsTransaction entry -> profile.pointsChanged(entry.getSequence(), entry.getBalanceAfter());
			default -> throw new InvalidEventException(
					event.getSchema().getName() + " is not an event churn-alert-service reads");
		};
	}

}
