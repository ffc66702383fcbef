package io.loyaltypulse.churn.signals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.loyaltypulse.churn.profile.CustomerProfile;
import io.loyaltypulse.churn.profile.OpenInvoice;
import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ChurnSignal;

/**
 * {@code ARREARS iff some open invoice has dueDate < today and unpaid > 0}; severity by
 * the most days overdue (from 1, 30, 60, 90 days: LOW, MEDIUM, HIGH, CRITICAL), one level
 * higher when the unpaid amount in one currency reaches {@code highAmount}.
 */
public final class ArrearsSignal implements SignalRule {

	/** Days overdue from which each severity applies, LOW to CRITICAL. */
	private final List<Integer> severityDays;

	private final BigDecimal highAmount;

	/**
	 * @param severityDays four ascending day counts, the first at least 1
	 * @param highAmount the unpaid amount (in any one currency) that raises the severity
	 */
	public ArrearsSignal(List<Integer> severityDays, BigDecimal highAmount) {
		if (severityDays.size() != 4 || severityDays.getFirst() < 1
				|| !severityDays.stream().sorted().distinct().toList().equals(severityDays)) {
			throw new IllegalArgumentException(
					"loyalty.churn.arrears.severity-days needs four ascending day counts from 1, not " + severityDays);
		}
		this.severityDays = List.copyOf(severityDays);
		this.highAmount = highAmount;
	}

	@Override
	public ChurnSignal signal() {
		return ChurnSignal.ARREARS;
	}

	@Override
	public Optional<Finding> evaluate(CustomerProfile profile, Instant now) {
		LocalDate today = Days.today(now);
		List<OpenInvoice> overdue = profile.openInvoices()
			.stream()
			.filter((invoice) -> invoice.daysOverdue(today) >= 1 && invoice.unpaid().signum() > 0)
			.sorted(Comparator.comparingLong((OpenInvoice invoice) -> -invoice.daysOverdue(today))
				.thenComparing(OpenInvoice::invoiceId))
			.toList();
		if (overdue.isEmpty()) {
			return Optional.empty();
		}
		OpenInvoice oldest = overdue.getFirst();
		long days = oldest.daysOverdue(today);
		Map<String, BigDecimal> unpaid = overdue.stream()
			.collect(Collectors.groupingBy(OpenInvoice::currency, TreeMap::new,
					Collectors.reducing(BigDecimal.ZERO, OpenInvoice::unpaid, BigDecimal::add)));
		ChurnAlertSeverity severity = severity(days);
		if (unpaid.values().stream().anyMatch((amount) -> amount.compareTo(this.highAmount) >= 0)) {
			severity = Severities.raise(severity);
		}
		String total = amounts(unpaid);
		String explanation = "invoice %s is %d day%s overdue with %s unpaid".formatted(oldest.invoiceId(), days,
				(days == 1) ? "" : "s", amount(oldest.unpaid(), oldest.currency()))
				+ ((overdue.size() > 1) ? " (%d overdue invoices, %s in total)".formatted(overdue.size(), total) : "");
		Map<String, String> evidence = new LinkedHashMap<>();
		evidence.put("invoiceId", oldest.invoiceId());
		evidence.put("daysOverdue", Long.toString(days));
		evidence.put("dueDate", oldest.dueDate().toString());
		evidence.put("overdueInvoices", Integer.toString(overdue.size()));
		evidence.put("unpaid", total);
		return Optional.of(new Finding(ChurnSignal.ARREARS, severity, null, explanation, evidence, true));
	}

	/**
	 * The next day an open invoice falls overdue or crosses a severity step; nothing when
	 * no invoice is open.
	 */
	@Override
	public long nextChange(CustomerProfile profile, Instant now) {
		LocalDate today = Days.today(now);
		long next = CustomerProfile.NEVER;
		for (OpenInvoice invoice : profile.openInvoices()) {
			for (int step : this.severityDays) {
				LocalDate day = invoice.dueDate().plusDays(step);
				if (day.isAfter(today)) {
					next = Math.min(next, Days.startOf(day));
					break;
				}
			}
		}
		return next;
	}

	private ChurnAlertSeverity severity(long daysOverdue) {
		ChurnAlertSeverity severity = ChurnAlertSeverity.LOW;
		for (int i = 0; i < this.severityDays.size(); i++) {
			if (daysOverdue >= this.severityDays.get(i)) {
				severity = ChurnAlertSeverity.values()[i];
			}
		}
		return severity;
	}

	private static String amounts(Map<String, BigDecimal> byCurrency) {
		return byCurrency.entrySet()
			.stream()
			.map((entry) -> amount(entry.getValue(), entry.getKey()))
			.collect(Collectors.joining(" + "));
	}

	static String amount(BigDecimal value, String currency) {
		return value.setScale(Math.max(2, value.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString()
				+ " " + currency;
	}

}
