package io.loyaltypulse.churn.profile;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import io.loyaltypulse.churn.silence.PurchaseHistory;
import io.loyaltypulse.events.ChurnSignal;

/**
 * What the churn signals know of one customer, kept compact and bounded: the latest
 * {@value #MAX_PURCHASE_DAYS} purchase days with the first one and how many there were
 * (for the silence model), net spend per month over the last 13 months, open invoices,
 * the latest answers, open complaints, the points balance, and where the customer stands
 * on each signal. Every update is idempotent: an event seen again (its order, refund,
 * payment, response or ledger sequence) changes nothing, so a duplicated or replayed
 * event raises no second alert.
 */
public final class CustomerProfile {

	/** The due time of a customer with nothing to check: the due-time index's "none". */
	public static final long NEVER = Long.MAX_VALUE;

	/** Purchase days kept, the latest ones; older ones are only counted. */
	public static final int MAX_PURCHASE_DAYS = 256;

	public static final int MAX_ANSWERS = 5;

	public static final int MAX_OPEN_INVOICES = 100;

	public static final int MAX_OPEN_COMPLAINTS = 50;

	/** Complaint filing times kept, for "repeated complaints". */
	public static final int MAX_COMPLAINTS_FILED = 10;

	/** Ids of orders, refunds and payments kept to recognise a repeated event. */
	public static final int MAX_RECENT_IDS = 200;

	/** Closed alerts kept per customer; older ones are forgotten. */
	public static final int MAX_CLOSED_ALERTS = 20;

	private static final int SPEND_MONTHS = 13;

	private static final double DAYS_PER_WEEK = 7.0;

	final NavigableSet<LocalDate> purchaseDays = new TreeSet<>();

	LocalDate firstPurchaseDay;

	int purchaseDayCount;

	String storeId;

	final SortedMap<YearMonth, BigDecimal> monthlySpend = new TreeMap<>();

	final Map<String, OpenInvoice> openInvoices = new LinkedHashMap<>();

	final List<SurveyAnswer> answers = new ArrayList<>();

	final Map<String, OpenComplaint> openComplaints = new LinkedHashMap<>();

	final Deque<Instant> complaintsFiled = new ArrayDeque<>();

	UnsatisfiedResolution lastUnsatisfied;

	long pointsBalance;

	long pointsSequence = -1;

	final Deque<String> recentIds = new ArrayDeque<>();

	final Map<ChurnSignal, SignalState> signals = new EnumMap<>(ChurnSignal.class);

	int alertSequence;

	final Deque<String> closedAlerts = new ArrayDeque<>();

	long dueAt = NEVER;

	/**
	 * A purchase: its day joins the rhythm, its total the month's spend when it is in the
	 * value currency.
	 * @return whether it was new
	 */
	public boolean purchased(String orderId, Instant at, String store, BigDecimal total, String currency,
			String valueCurrency) {
		if (!firstSeen("order:" + orderId)) {
			return false;
		}
		LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
		boolean olderThanKept = this.purchaseDays.size() == MAX_PURCHASE_DAYS
				&& day.isBefore(this.purchaseDays.first());
		if (olderThanKept || this.purchaseDays.add(day)) {
			// A late purchase older than every day kept is counted, not kept: it may be
			// a day counted already, which only a longer memory would tell.
			this.purchaseDayCount += (olderThanKept && day.equals(this.firstPurchaseDay)) ? 0 : 1;
			this.firstPurchaseDay = (this.firstPurchaseDay == null || day.isBefore(this.firstPurchaseDay)) ? day
					: this.firstPurchaseDay;
		}
		while (this.purchaseDays.size() > MAX_PURCHASE_DAYS) {
			this.purchaseDays.pollFirst();
		}
		if (this.storeId == null || !at.isBefore(lastPurchaseAt())) {
			this.storeId = store;
		}
		addSpend(at, total, currency, valueCurrency);
		return true;
	}

	/**
	 * A refund: its amount leaves the spend of the month it happened in.
	 * @return whether it was new
	 */
	public boolean refunded(String refundId, Instant at, BigDecimal amount, String currency, String valueCurrency) {
		if (!firstSeen("refund:" + refundId)) {
			return false;
		}
		addSpend(at, amount.negate(), currency, valueCurrency);
		return true;
	}

	/** An invoice issued; one already known stays as it is. */
	public boolean invoiceIssued(String invoiceId, BigDecimal amount, String currency, LocalDate dueDate) {
		if (!firstSeen("invoice:" + invoiceId)) {
			return false;
		}
		if (this.openInvoices.size() >= MAX_OPEN_INVOICES) {
			throw new InvalidEventException("the customer has " + MAX_OPEN_INVOICES + " open invoices already");
		}
		this.openInvoices.put(invoiceId, new OpenInvoice(invoiceId, amount, BigDecimal.ZERO, currency, dueDate));
		return true;
	}

	/**
	 * A payment on an invoice: paid in full, the invoice is closed. A payment of an
	 * unknown or closed invoice changes nothing.
	 */
	public boolean paymentReceived(String invoiceId, String paymentId, BigDecimal amount, String currency) {
		OpenInvoice invoice = this.openInvoices.get(invoiceId);
		if (invoice == null) {
			return false;
		}
		if (!invoice.currency().equals(currency)) {
			// Never converted: an amount in another currency would misstate the debt.
			throw new InvalidEventException("payment " + paymentId + " is in " + currency + ", invoice " + invoiceId
					+ " in " + invoice.currency());
		}
		if (!firstSeen("payment:" + paymentId)) {
			return false;
		}
		OpenInvoice paid = invoice.withPayment(amount);
		if (paid.unpaid().signum() <= 0) {
			this.openInvoices.remove(invoiceId);
		}
		else {
			this.openInvoices.put(invoiceId, paid);
		}
		return true;
	}

	public boolean invoiceCancelled(String invoiceId) {
		return this.openInvoices.remove(invoiceId) != null;
	}

	/**
	 * A survey answer: a correction (same response, later) replaces the earlier one; only
	 * the latest {@value #MAX_ANSWERS} are kept.
	 */
	public boolean answered(SurveyAnswer answer) {
		for (int i = 0; i < this.answers.size(); i++) {
			SurveyAnswer known = this.answers.get(i);
			if (known.responseId().equals(answer.responseId())) {
				if (!answer.occurredAt().isAfter(known.occurredAt())) {
					return false;
				}
				this.answers.remove(i);
				break;
			}
		}
		if (this.answers.size() == MAX_ANSWERS && answer.occurredAt().isBefore(this.answers.getFirst().occurredAt())) {
			return false;
		}
		this.answers.add(answer);
		this.answers.sort(Comparator.comparing(SurveyAnswer::occurredAt));
		while (this.answers.size() > MAX_ANSWERS) {
			this.answers.removeFirst();
		}
		return true;
	}

	public boolean complaintFiled(OpenComplaint complaint) {
		if (!firstSeen("complaint:" + complaint.complaintId())) {
			return false;
		}
		if (this.openComplaints.size() >= MAX_OPEN_COMPLAINTS) {
			throw new InvalidEventException("the customer has " + MAX_OPEN_COMPLAINTS + " open complaints already");
		}
		this.openComplaints.put(complaint.complaintId(), complaint);
		this.complaintsFiled.addLast(complaint.filedAt());
		while (this.complaintsFiled.size() > MAX_COMPLAINTS_FILED) {
			this.complaintsFiled.removeFirst();
		}
		return true;
	}

	/**
	 * A complaint resolved; remembered when the customer said they were not satisfied.
	 */
	public boolean complaintResolved(String complaintId, Instant at, Boolean customerSatisfied) {
		if (this.openComplaints.remove(complaintId) == null) {
			return false;
		}
		if (Boolean.FALSE.equals(customerSatisfied)) {
			this.lastUnsatisfied = new UnsatisfiedResolution(complaintId, at);
		}
		return true;
	}

	/** A ledger entry: its balance after, unless a later one was seen. */
	public boolean pointsChanged(long sequence, long balanceAfter) {
		if (sequence <= this.pointsSequence) {
			return false;
		}
		this.pointsSequence = sequence;
		this.pointsBalance = balanceAfter;
		return true;
	}

	private boolean firstSeen(String id) {
		if (this.recentIds.contains(id)) {
			return false;
		}
		this.recentIds.addLast(id);
		while (this.recentIds.size() > MAX_RECENT_IDS) {
			this.recentIds.removeFirst();
		}
		return true;
	}

	private void addSpend(Instant at, BigDecimal amount, String currency, String valueCurrency) {
		if (!valueCurrency.equals(currency)) {
			return;
		}
		YearMonth month = YearMonth.from(at.atZone(ZoneOffset.UTC));
		if (!this.monthlySpend.isEmpty() && month.isBefore(this.monthlySpend.lastKey().minusMonths(SPEND_MONTHS - 1))) {
			return;
		}
		this.monthlySpend.merge(month, amount, BigDecimal::add);
		while (this.monthlySpend.firstKey().isBefore(this.monthlySpend.lastKey().minusMonths(SPEND_MONTHS - 1))) {
			this.monthlySpend.remove(this.monthlySpend.firstKey());
		}
	}

	private Instant lastPurchaseAt() {
		return this.purchaseDays.last().atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	// What the signals read.

	public NavigableSet<LocalDate> purchaseDays() {
		return Collections.unmodifiableNavigableSet(this.purchaseDays);
	}

	/**
	 * What the silence model knows of the customer on {@code today} (x, t_x, T in weeks),
	 * counting every purchase day, kept or not; empty before the first purchase.
	 */
	public Optional<PurchaseHistory> history(LocalDate today) {
		if (this.firstPurchaseDay == null || this.purchaseDays.last().isAfter(today)) {
			return Optional.empty();
		}
		return Optional.of(new PurchaseHistory(this.purchaseDayCount - 1,
				ChronoUnit.DAYS.between(this.firstPurchaseDay, this.purchaseDays.last()) / DAYS_PER_WEEK,
				ChronoUnit.DAYS.between(this.firstPurchaseDay, today) / DAYS_PER_WEEK));
	}

	public String storeId() {
		return this.storeId;
	}

	/**
	 * Net spend in the value currency over the 12 months up to {@code today}'s month,
	 * never below zero.
	 */
	public BigDecimal spendOver12Months(LocalDate today) {
		YearMonth now = YearMonth.from(today);
		BigDecimal sum = BigDecimal.ZERO;
		for (Map.Entry<YearMonth, BigDecimal> month : this.monthlySpend.entrySet()) {
			if (!month.getKey().isAfter(now) && month.getKey().isAfter(now.minusMonths(12))) {
				sum = sum.add(month.getValue());
			}
		}
		return sum.max(BigDecimal.ZERO);
	}

	public List<OpenInvoice> openInvoices() {
		return List.copyOf(this.openInvoices.values());
	}

	public List<SurveyAnswer> answers() {
		return List.copyOf(this.answers);
	}

	public List<OpenComplaint> openComplaints() {
		return List.copyOf(this.openComplaints.values());
	}

	public List<Instant> complaintsFiled() {
		return List.copyOf(this.complaintsFiled);
	}

	public UnsatisfiedResolution lastUnsatisfied() {
		return this.lastUnsatisfied;
	}

	public long pointsBalance() {
		return this.pointsBalance;
	}

	public SignalState signal(ChurnSignal signal) {
		return this.signals.getOrDefault(signal, SignalState.NONE);
	}

	public void signal(ChurnSignal signal, SignalState state) {
		if (state.equals(SignalState.NONE)) {
			this.signals.remove(signal);
		}
		else {
			this.signals.put(signal, state);
		}
	}

	/** The next alert number of this customer: alert ids are unique per customer. */
	public int nextAlertSequence() {
		return ++this.alertSequence;
	}

	/**
	 * Remembers a closed alert; returns the one to forget when more than
	 * {@value #MAX_CLOSED_ALERTS} are kept, or null.
	 */
	public String closed(String alertId) {
		this.closedAlerts.addLast(alertId);
		return (this.closedAlerts.size() > MAX_CLOSED_ALERTS) ? this.closedAlerts.removeFirst() : null;
	}

	/** The customer's closed alerts still kept, oldest first. */
	public List<String> closedAlerts() {
		return List.copyOf(this.closedAlerts);
	}

	/** When the customer is next checked, or {@link #NEVER}. */
	public long dueAt() {
		return this.dueAt;
	}

	public void dueAt(long dueAt) {
		this.dueAt = dueAt;
	}

	/** The customer's open alerts, by signal. */
	public Map<ChurnSignal, String> activeAlerts() {
		Map<ChurnSignal, String> active = new EnumMap<>(ChurnSignal.class);
		this.signals.forEach((signal, state) -> {
			if (state.alertId() != null) {
				active.put(signal, state.alertId());
			}
		});
		return active;
	}

}
