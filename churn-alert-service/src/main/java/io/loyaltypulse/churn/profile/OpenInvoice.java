package io.loyaltypulse.churn.profile;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice not yet paid in full nor cancelled.
 *
 * @param invoiceId the invoice
 * @param amount what it asks for
 * @param paid what was paid on it so far
 * @param currency ISO 4217 currency of both
 * @param dueDate the last day to pay it
 */
public record OpenInvoice(String invoiceId, BigDecimal amount, BigDecimal paid, String currency, LocalDate dueDate) {

	/** {@code unpaid = amount - paid}. */
	public BigDecimal unpaid() {
		return this.amount.subtract(this.paid);
	}

	/** Days past its due date on {@code today}; 0 or less while not overdue. */
	public long daysOverdue(LocalDate today) {
		return today.toEpochDay() - this.dueDate.toEpochDay();
	}

	OpenInvoice withPayment(BigDecimal payment) {
		return new OpenInvoice(this.invoiceId, this.amount, this.paid.add(payment), this.currency, this.dueDate);
	}

}
