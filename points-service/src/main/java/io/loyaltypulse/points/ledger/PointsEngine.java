package io.loyaltypulse.points.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.loyaltypulse.events.OrderLine;
import io.loyaltypulse.events.PointsAdjustmentRequested;
import io.loyaltypulse.events.PointsLotMovement;
import io.loyaltypulse.events.PointsRedemptionRequested;
import io.loyaltypulse.events.PointsRequestKind;
import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.events.PointsRequestStatus;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.events.RefundedLine;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.points.InvalidEventException;
import io.loyaltypulse.points.earning.Earning;
import io.loyaltypulse.points.earning.EarningCalculator;
import io.loyaltypulse.points.earning.LineEarning;
import io.loyaltypulse.points.tiers.Tier;
import io.loyaltypulse.points.tiers.TierTracker;
import org.apache.avro.specific.SpecificRecord;

/**
 * Applies one customer's events to their account, in order, and says what changed:
 * {@code account' , entries = apply(expire-and-tier-due(account, event.occurredAt), event)}
 * where every change of the balance is one {@link PointsTransaction}, so the balance is
 * the fold of the ledger.
 *
 * <p>
 * Pure and single-threaded: no Kafka, no clock. Time is the event's time (or the
 * punctuator's), which is what makes a replay produce the same ledger. A rejected event
 * ({@link InvalidEventException}) may leave the account half-changed: callers apply
 * events to a freshly read account and store it only on success.
 */
public final class PointsEngine {

	private static final Comparator<Lot> SPENDING_ORDER = Comparator.comparingLong((Lot lot) -> lot.expiresAt)
		.thenComparingLong((lot) -> lot.availableAt)
		.thenComparing((lot) -> lot.id);

	private final EarningCalculator earning;

	private final TierTracker tiers;

	private final LedgerPolicy policy;

	public PointsEngine(EarningCalculator earning, TierTracker tiers, LedgerPolicy policy) {
		this.earning = earning;
		this.tiers = tiers;
		this.policy = policy;
	}

	/**
	 * Applies an input event: a purchase, refund, survey response or points request. An
	 * event whose id was processed before changes nothing (a repeated request is answered
	 * again with its first outcome).
	 * @return the ledger entries, request outcomes and tier events, in order
	 */
	public List<SpecificRecord> apply(CustomerAccount account, SpecificRecord event) {
		List<SpecificRecord> out = new ArrayList<>();
		switch (event) {
			case PurchaseCompleted purchase -> {
				if (firstTime(account, purchase.getEventId(), purchase.getOccurredAt())) {
					advance(account, purchase.getOccurredAt(), out);
					earn(account, purchase, out);
				}
			}
			case PurchaseRefunded refund -> {
				if (firstTime(account, refund.getEventId(), refund.getOccurredAt())) {
					advance(account, refund.getOccurredAt(), out);
					refund(account, refund, out);
				}
			}
			case SurveyResponded response -> {
				if (firstTime(account, response.getEventId(), response.getOccurredAt())) {
					advance(account, response.getOccurredAt(), out);
					surveyBonus(account, response, out);
				}
			}
			case PointsRedemptionRequested request -> redeem(account, request, out);
			case PointsAdjustmentRequested request -> adjust(account, request, out);
			default ->
				throw new InvalidEventException("points-service does not handle " + event.getSchema().getFullName());
		}
		return out;
	}

	/**
	 * Applies what is due up to {@code until} without an input event: lots expire, tier
	 * periods end, downgrade warnings are sent. Called by the punctuator.
	 */
	public List<SpecificRecord> advance(CustomerAccount account, Instant until) {
		List<SpecificRecord> out = new ArrayList<>();
		advance(account, until, out);
		return out;
	}

	/** When the account next has something due (epoch millis), or Long.MAX_VALUE. */
	public long nextDue(CustomerAccount account) {
		long due = this.tiers.nextDue(account.tiers);
		for (Lot lot : account.lots) {
			due = Math.min(due, lot.expiresAt);
		}
		return due;
	}

	/**
	 * The balances as of {@code at}, for queries: what is due by then (expiry, tier
	 * periods) is applied first, to the given account only, so pass a freshly read one
	 * and do not store it.
	 */
	public PointsSummary summarize(CustomerAccount account, Instant at, int expiringWithinDays) {
		advance(account, at, new ArrayList<>());
		long now = at.toEpochMilli();
		long horizon = at.atZone(ZoneOffset.UTC).plusDays(expiringWithinDays).toInstant().toEpochMilli();
		List<PointsSummary.Expiring> expiring = new ArrayList<>();
		for (Lot lot : account.lots) {
			if (lot.expiresAt <= horizon) {
				expiring.add(new PointsSummary.Expiring(lot.remaining, Instant.ofEpochMilli(lot.expiresAt),
						lot.isAvailableAt(now)));
			}
		}
		Tier tier = this.tiers.current(account.tiers);
		long qualifying = this.tiers.qualifying(account.tiers, at);
		Tier next = this.tiers.next(account.tiers).orElse(null);
		return new PointsSummary(account.customerId, account.available(now), account.pending(now), tier.name(),
				qualifying, (next != null) ? next.name() : null,
				(next != null) ? Math.max(0, next.threshold() - qualifying) : 0,
				(account.tiers.periodEndsAt() > 0) ? Instant.ofEpochMilli(account.tiers.periodEndsAt()) : null,
				expiringWithinDays, expiring.stream().mapToLong(PointsSummary.Expiring::points).sum(), expiring,
				account.shortfall);
	}

	// ---- purchases -------------------------------------------------------------

	private void earn(CustomerAccount account, PurchaseCompleted purchase, List<SpecificRecord> out) {
		validate(purchase);
		OrderRecord existing = account.orders.get(purchase.getOrderId());
		if (existing != null && existing.wasEarned()) {
			throw new InvalidEventException("order " + purchase.getOrderId()
					+ " already earned points under another eventId; the same fact must keep its eventId");
		}
		Instant at = purchase.getOccurredAt();
		Earning earned = this.earning.earn(purchase, this.tiers.current(account.tiers));
		OrderRecord order = (existing != null) ? existing : new OrderRecord();
		order.earnedAt = at.toEpochMilli();
		order.total = purchase.getTotal();
		order.currency = purchase.getCurrency();
		order.points = earned.points();
		for (LineEarning line : earned.lines()) {
			order.lines.put(line.lineId(), new OrderRecord.LineRecord(line.quantity(), line.points()));
		}
		account.orders.put(purchase.getOrderId(), order);
		if (earned.points() > 0) {
			long availableAt = at.plus(this.policy.returnWindow()).toEpochMilli();
			PointsTransaction entry = credit(account, PointsTransactionKind.EARN, earned.points(), at,
					purchase.getEventId(), purchase.getOrderId(), availableAt,
					earned.explanation() + "; pending until the return window ends", null);
			order.lotId = entry.getEventId();
			out.add(entry);
			out.addAll(this.tiers.addQualifying(account.tiers, account.customerId, at, earned.points(), at));
		}
	}

	private static void validate(PurchaseCompleted purchase) {
		if (purchase.getLines().isEmpty()) {
			throw new InvalidEventException("purchase " + purchase.getOrderId() + " has no lines");
		}
		if (purchase.getTotal().signum() < 0) {
			throw new InvalidEventException("purchase " + purchase.getOrderId() + " has a negative total");
		}
		Set<String> lineIds = new HashSet<>();
		BigDecimal gross = BigDecimal.ZERO;
		for (OrderLine line : purchase.getLines()) {
			if (line.getQuantity() <= 0 || line.getUnitPrice().signum() < 0) {
				throw new InvalidEventException("purchase " + purchase.getOrderId() + " line " + line.getLineId()
						+ " has a quantity below 1 or a negative price");
			}
			if (!lineIds.add(line.getLineId())) {
				throw new InvalidEventException(
						"purchase " + purchase.getOrderId() + " repeats line id " + line.getLineId());
			}
			gross = gross.add(line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())));
		}
		// The total shares the order's discount out over its lines: a total above the
		// lines' gross would multiply every line's points instead.
		if (purchase.getTotal().compareTo(gross) > 0) {
			throw new InvalidEventException("purchase " + purchase.getOrderId() + " has a total of "
					+ plain(purchase.getTotal()) + ", more than its lines' " + plain(gross));
		}
	}

	// ---- refunds ---------------------------------------------------------------

	private void refund(CustomerAccount account, PurchaseRefunded refund, List<SpecificRecord> out) {
		if (account.isNew()) {
			throw new InvalidEventException("refund " + refund.getRefundId() + " for unknown customer "
					+ refund.getCustomerId() + ": no purchase of theirs was processed");
		}
		OrderRecord order = account.orders.get(refund.getOrderId());
		if (order == null || !order.wasEarned()) {
			throw new InvalidEventException(
					"refund " + refund.getRefundId() + " of unknown order " + refund.getOrderId());
		}
		if (!order.currency.equals(refund.getCurrency())) {
			throw new InvalidEventException("refund " + refund.getRefundId() + " in " + refund.getCurrency()
					+ " of an order paid in " + order.currency);
		}
		BigDecimal refunded = order.refunded.add(refund.getAmount());
		if (refund.getAmount().signum() <= 0 || refunded.compareTo(order.total) > 0) {
			throw new InvalidEventException("refund " + refund.getRefundId() + " of " + refund.getAmount()
					+ " is not positive or exceeds what is left of order " + refund.getOrderId());
		}
		long reversal = refund.getLines().isEmpty() ? amountReversal(order, refunded) : lineReversal(order, refund);
		// Cumulative: what the refunded share of everything redeemed against the order is
		// worth, less what was restored before (redemptions may come between refunds).
		long restore = (order.total.signum() == 0) ? 0
				: Math.max(0, share(order.redeemed, refunded, order.total) - order.restored);
		order.refunded = refunded;

		Instant at = refund.getOccurredAt();
		if (restore > 0) {
			order.restored += restore;
			out.add(credit(account, PointsTransactionKind.RESTORE_REDEEM, restore, at, refund.getEventId(),
					refund.getOrderId(), at.toEpochMilli(),
					"Refund %s of order %s: %s of %s %s refunded, so %d of the %d points redeemed against it are restored"
						.formatted(refund.getRefundId(), refund.getOrderId(), plain(refunded), plain(order.total),
								order.currency, order.restored, order.redeemed),
					null));
		}
		if (reversal > 0) {
			order.reversed += reversal;
			out.add(reverseEarn(account, order, refund, reversal));
			out.addAll(this.tiers.addQualifying(account.tiers, account.customerId, Instant.ofEpochMilli(order.earnedAt),
					-reversal, at));
		}
	}

	/**
	 * Points to take back for the refunded units: per line, cumulative, rounded down.
	 */
	private static long lineReversal(OrderRecord order, PurchaseRefunded refund) {
		long reversal = 0;
		Map<String, Integer> units = new HashMap<>();
		for (RefundedLine line : refund.getLines()) {
			units.merge(line.getLineId(), line.getQuantity(), Integer::sum);
		}
		for (Map.Entry<String, Integer> refunded : units.entrySet()) {
			OrderRecord.LineRecord line = order.lines.get(refunded.getKey());
			if (line == null) {
				throw new InvalidEventException("refund " + refund.getRefundId() + " names line " + refunded.getKey()
						+ " which order " + refund.getOrderId() + " does not have");
			}
			int after = line.refundedQuantity + refunded.getValue();
			if (refunded.getValue() <= 0 || after > line.quantity) {
				throw new InvalidEventException("refund " + refund.getRefundId() + " returns more units of line "
						+ refunded.getKey() + " than were bought");
			}
			reversal += line.reversalFor(after);
			line.refundedQuantity = after;
		}
		return Math.min(reversal, order.points - order.reversed);
	}

	/**
	 * Points to take back for a refund of an amount: the refunded share of the order's
	 * points, cumulative and rounded down.
	 */
	private static long amountReversal(OrderRecord order, BigDecimal refundedAfter) {
		if (order.total.signum() == 0) {
			return 0;
		}
		return Math.max(0, share(order.points, refundedAfter, order.total) - order.reversed);
	}

	private static long share(long points, BigDecimal part, BigDecimal whole) {
		return BigDecimal.valueOf(points).multiply(part).divide(whole, 0, RoundingMode.DOWN).longValueExact();
	}

	private PointsTransaction reverseEarn(CustomerAccount account, OrderRecord order, PurchaseRefunded refund,
			long points) {
		Instant at = refund.getOccurredAt();
		List<Lot> sources = new ArrayList<>();
		account.lots.stream().filter((lot) -> lot.id.equals(order.lotId)).forEach(sources::add);
		account.lots.stream().filter((lot) -> !lot.id.equals(order.lotId)).forEach(sources::add);
		List<PointsLotMovement> movements = new ArrayList<>();
		long missing = draw(account, sources, points, movements);
		long taken = points - missing;
		long shortfall = 0;
		String policyNote = "";
		if (missing > 0) {
			if (this.policy.negativeBalancePolicy() == NegativeBalancePolicy.ALLOW_NEGATIVE) {
				account.debt += missing;
				taken = points;
				policyNote = "; %d of them were already spent: taken back anyway, the balance may go below zero (ALLOW_NEGATIVE)"
					.formatted(missing);
			}
			else {
				shortfall = missing;
				account.shortfall += missing;
				policyNote = "; %d of them were already spent: not taken back, recorded as shortfall (CAP_AT_ZERO)"
					.formatted(missing);
			}
		}
		String what = refund.getLines().isEmpty()
				? "%s of %s %s refunded".formatted(plain(order.refunded), plain(order.total), order.currency)
				: "lines " + String.join(", ",
						refund.getLines().stream().map((l) -> l.getLineId() + " x" + l.getQuantity()).toList());
		String explanation = "Refund %s of order %s (%s): %d of the %d points earned on it taken back%s"
			.formatted(refund.getRefundId(), refund.getOrderId(), what, points, order.points, policyNote);
		return entry(account, PointsTransactionKind.REVERSE_EARN, -taken, at, refund.getEventId(), refund.getOrderId(),
				null, null, movements, shortfall, null, explanation);
	}

	// ---- survey bonus ----------------------------------------------------------

	private void surveyBonus(CustomerAccount account, SurveyResponded response, List<SpecificRecord> out) {
		long bonus = this.policy.surveyBonusPoints();
		if (bonus <= 0 || !account.rewardedSurveys.add(response.getSurveyId())) {
			return;
		}
		Instant at = response.getOccurredAt();
		out.add(credit(account, PointsTransactionKind.BONUS, bonus, at, response.getEventId(), null, at.toEpochMilli(),
				"Bonus for answering survey %s: %d points, once per survey".formatted(response.getSurveyId(), bonus),
				null));
	}

	// ---- requests --------------------------------------------------------------

	private void redeem(CustomerAccount account, PointsRedemptionRequested request, List<SpecificRecord> out) {
		String fingerprint = "R|%d|%s|%s".formatted(request.getPoints(), request.getOrderId(),
				request.getDescription());
		if (answerAgain(account, request.getEventId(), fingerprint, PointsRequestKind.REDEMPTION, request.getPoints(),
				request.getOccurredAt(), out)) {
			return;
		}
		Instant at = request.getOccurredAt();
		advance(account, at, out);
		if (request.getPoints() <= 0) {
			decide(account, request.getEventId(), fingerprint, PointsRequestKind.REDEMPTION, request.getPoints(), at,
					PointsRequestStatus.INVALID, null, "a redemption must be of at least 1 point", out);
			return;
		}
		OrderRecord against = (request.getOrderId() != null) ? account.orders.get(request.getOrderId()) : null;
		if (against != null && against.wasEarned() && against.total.signum() > 0
				&& against.refunded.compareTo(against.total) >= 0) {
			decide(account, request.getEventId(), fingerprint, PointsRequestKind.REDEMPTION, request.getPoints(), at,
					PointsRequestStatus.INVALID, null,
					"order %s is fully refunded: no points can be redeemed against it".formatted(request.getOrderId()),
					out);
			return;
		}
		long available = account.available(at.toEpochMilli());
		if (available < request.getPoints()) {
			decide(account, request.getEventId(), fingerprint, PointsRequestKind.REDEMPTION, request.getPoints(), at,
					PointsRequestStatus.INSUFFICIENT_POINTS, null,
					"%d points requested, %d available".formatted(request.getPoints(), Math.max(0, available)), out);
			return;
		}
		PointsTransaction entry = spend(account, PointsTransactionKind.REDEEM, request.getPoints(), at,
				request.getEventId(), request.getOrderId(), null,
				"Redemption of %d points%s%s".formatted(request.getPoints(),
						(request.getOrderId() != null) ? " against order " + request.getOrderId() : "",
						(request.getDescription() != null) ? " (" + request.getDescription() + ")" : ""));
		if (request.getOrderId() != null) {
			account.orders.computeIfAbsent(request.getOrderId(), (id) -> new OrderRecord()).redeemed += request
				.getPoints();
		}
		out.add(entry);
		decide(account, request.getEventId(), fingerprint, PointsRequestKind.REDEMPTION, request.getPoints(), at,
				PointsRequestStatus.APPROVED, entry.getEventId(), entry.getExplanation(), out);
	}

	private void adjust(CustomerAccount account, PointsAdjustmentRequested request, List<SpecificRecord> out) {
		String fingerprint = "A|%d|%s|%s".formatted(request.getPoints(), request.getReason(), request.getActor());
		if (answerAgain(account, request.getEventId(), fingerprint, PointsRequestKind.ADJUSTMENT, request.getPoints(),
				request.getOccurredAt(), out)) {
			return;
		}
		Instant at = request.getOccurredAt();
		advance(account, at, out);
		if (request.getPoints() == 0 || request.getReason().isBlank() || request.getActor().isBlank()) {
			decide(account, request.getEventId(), fingerprint, PointsRequestKind.ADJUSTMENT, request.getPoints(), at,
					PointsRequestStatus.INVALID, null, "an adjustment needs non-zero points, a reason and an actor",
					out);
			return;
		}
		String explanation = "Adjustment by %s: %s".formatted(request.getActor(), request.getReason());
		PointsTransaction entry;
		if (request.getPoints() > 0) {
			entry = credit(account, PointsTransactionKind.ADJUST, request.getPoints(), at, request.getEventId(), null,
					at.toEpochMilli(), explanation, request.getActor());
		}
		else {
			long available = account.available(at.toEpochMilli());
			if (available < -request.getPoints()) {
				decide(account, request.getEventId(), fingerprint, PointsRequestKind.ADJUSTMENT, request.getPoints(),
						at, PointsRequestStatus.INSUFFICIENT_POINTS, null,
						"%d points to debit, %d available".formatted(-request.getPoints(), Math.max(0, available)),
						out);
				return;
			}
			entry = spend(account, PointsTransactionKind.ADJUST, -request.getPoints(), at, request.getEventId(), null,
					request.getActor(), explanation);
		}
		out.add(entry);
		decide(account, request.getEventId(), fingerprint, PointsRequestKind.ADJUSTMENT, request.getPoints(), at,
				PointsRequestStatus.APPROVED, entry.getEventId(), explanation, out);
	}

	private boolean answerAgain(CustomerAccount account, String requestId, String fingerprint, PointsRequestKind kind,
			long points, Instant at, List<SpecificRecord> out) {
		CustomerAccount.RequestRecord previous = account.requests.get(requestId);
		if (previous == null) {
			return false;
		}
		previous.answers++;
		boolean same = previous.fingerprint.equals(fingerprint);
		out.add(PointsRequestOutcome.newBuilder()
			.setEventId(requestId + ":outcome:" + previous.answers)
			.setCustomerId(account.customerId)
			.setOccurredAt(at)
			.setRequestId(requestId)
			.setRequestKind(kind)
			.setStatus(same ? PointsRequestStatus.valueOf(previous.status) : PointsRequestStatus.IDEMPOTENCY_CONFLICT)
			.setPoints(points)
			.setTransactionId(same ? previous.transactionId : null)
			.setAvailableAfter(previous.availableAfter)
			.setPendingAfter(previous.pendingAfter)
			.setExplanation(same ? previous.explanation
					: "the idempotency key was already used for another request; nothing changed")
			.build());
		return true;
	}

	private void decide(CustomerAccount account, String requestId, String fingerprint, PointsRequestKind kind,
			long points, Instant at, PointsRequestStatus status, String transactionId, String explanation,
			List<SpecificRecord> out) {
		CustomerAccount.RequestRecord record = new CustomerAccount.RequestRecord();
		record.fingerprint = fingerprint;
		record.status = status.name();
		record.points = points;
		record.transactionId = transactionId;
		record.availableAfter = account.available(at.toEpochMilli());
		record.pendingAfter = account.pending(at.toEpochMilli());
		record.explanation = explanation;
		record.answers = 1;
		account.requests.put(requestId, record);
		forgetOldRequests(account);
		out.add(PointsRequestOutcome.newBuilder()
			.setEventId(requestId + ":outcome:1")
			.setCustomerId(account.customerId)
			.setOccurredAt(at)
			.setRequestId(requestId)
			.setRequestKind(kind)
			.setStatus(status)
			.setPoints(points)
			.setTransactionId(transactionId)
			.setAvailableAfter(record.availableAfter)
			.setPendingAfter(record.pendingAfter)
			.setExplanation(explanation)
			.build());
	}

	// ---- time: expiry and tier periods -----------------------------------------

	private void advance(CustomerAccount account, Instant until, List<SpecificRecord> out) {
		long limit = until.toEpochMilli();
		while (true) {
			long nextExpiry = account.lots.isEmpty() ? Long.MAX_VALUE : account.lots.get(0).expiresAt;
			long nextTier = this.tiers.nextDue(account.tiers);
			if (Math.min(nextExpiry, nextTier) > limit) {
				break;
			}
			if (nextExpiry <= nextTier) {
				expire(account, account.lots.get(0), out);
			}
			else {
				out.addAll(this.tiers.advance(account.tiers, account.customerId, Instant.ofEpochMilli(nextTier)));
			}
		}
		out.addAll(this.tiers.advance(account.tiers, account.customerId, until));
		forgetOldOrders(account, until);
	}

	private void expire(CustomerAccount account, Lot lot, List<SpecificRecord> out) {
		account.lots.remove(lot);
		Instant at = Instant.ofEpochMilli(lot.expiresAt);
		List<PointsLotMovement> movements = List.of(movement(lot, -lot.remaining));
		out.add(entry(account, PointsTransactionKind.EXPIRE, -lot.remaining, at, lot.sourceEventId, lot.orderId, null,
				null, movements, 0, null, "%d of the %d points of lot %s expired %d months after their credit"
					.formatted(lot.remaining, lot.points, lot.id, this.policy.expiryMonths())));
	}

	// ---- lots ------------------------------------------------------------------

	private PointsTransaction credit(CustomerAccount account, PointsTransactionKind kind, long points, Instant at,
			String sourceEventId, String orderId, long availableAt, String explanation, String actor) {
		String lotId = account.customerId + ":" + (account.sequence + 1);
		long expiresAt = at.atZone(ZoneOffset.UTC).plusMonths(this.policy.expiryMonths()).toInstant().toEpochMilli();
		Lot lot = new Lot(lotId, sourceEventId, orderId, points, availableAt, expiresAt);
		long settled = Math.min(account.debt, points);
		if (settled > 0) {
			account.debt -= settled;
			lot.remaining -= settled;
			explanation += "; %d of them settle a negative balance".formatted(settled);
		}
		if (lot.remaining > 0) {
			account.lots.add(lot);
			account.lots.sort(SPENDING_ORDER);
		}
		return entry(account, kind, points, at, sourceEventId, orderId, Instant.ofEpochMilli(availableAt),
				Instant.ofEpochMilli(expiresAt), List.of(movement(lot, points)), 0, actor, explanation);
	}

	/** Debits available points, soonest-expiring lots first; the caller checked them. */
	private PointsTransaction spend(CustomerAccount account, PointsTransactionKind kind, long points, Instant at,
			String sourceEventId, String orderId, String actor, String explanation) {
		long now = at.toEpochMilli();
		List<Lot> available = account.lots.stream().filter((lot) -> lot.isAvailableAt(now)).toList();
		List<PointsLotMovement> movements = new ArrayList<>();
		long missing = draw(account, available, points, movements);
		if (missing > 0) {
			throw new IllegalStateException("spent more than available: the caller must check the balance");
		}
		return entry(account, kind, -points, at, sourceEventId, orderId, null, null, movements, 0, actor, explanation);
	}

	/** Takes points from the lots in the given order; returns what could not be taken. */
	private static long draw(CustomerAccount account, List<Lot> sources, long points,
			List<PointsLotMovement> movements) {
		long missing = points;
		for (Lot lot : sources) {
			if (missing == 0) {
				break;
			}
			long taken = Math.min(lot.remaining, missing);
			if (taken > 0) {
				lot.remaining -= taken;
				missing -= taken;
				movements.add(movement(lot, -taken));
			}
		}
		account.lots.removeIf((lot) -> lot.remaining == 0);
		return missing;
	}

	private static PointsLotMovement movement(Lot lot, long points) {
		return PointsLotMovement.newBuilder()
			.setLotId(lot.id)
			.setPoints(points)
			.setExpiresAt(Instant.ofEpochMilli(lot.expiresAt))
			.build();
	}

	private static PointsTransaction entry(CustomerAccount account, PointsTransactionKind kind, long points, Instant at,
			String sourceEventId, String orderId, Instant availableAt, Instant expiresAt,
			List<PointsLotMovement> movements, long shortfall, String actor, String explanation) {
		account.sequence++;
		long now = at.toEpochMilli();
		long available = account.available(now);
		long pending = account.pending(now);
		return PointsTransaction.newBuilder()
			.setEventId(account.customerId + ":" + account.sequence)
			.setCustomerId(account.customerId)
			.setOccurredAt(at)
			.setSequence(account.sequence)
			.setKind(kind)
			.setPoints(points)
			.setBalanceAfter(available + pending)
			.setAvailableAfter(available)
			.setPendingAfter(pending)
			.setSourceEventId(sourceEventId)
			.setOrderId(orderId)
			.setAvailableAt(availableAt)
			.setExpiresAt(expiresAt)
			.setLots(movements)
			.setShortfall(shortfall)
			.setActor(actor)
			.setExplanation(explanation)
			.build();
	}

	// ---- memory ----------------------------------------------------------------

	/**
	 * Remembers an event id; false if it was processed before. Ids are forgotten after
	 * the retention horizon (event time) or beyond the cap, oldest first.
	 */
	private boolean firstTime(CustomerAccount account, String eventId, Instant at) {
		if (account.processed.containsKey(eventId)) {
			return false;
		}
		account.processed.put(eventId, at.toEpochMilli());
		long horizon = at.minus(this.policy.dedupRetention()).toEpochMilli();
		Iterator<Map.Entry<String, Long>> oldest = account.processed.entrySet().iterator();
		while (oldest.hasNext()) {
			Map.Entry<String, Long> entry = oldest.next();
			if (account.processed.size() <= this.policy.dedupMaxEntries() && entry.getValue() >= horizon) {
				break;
			}
			oldest.remove();
		}
		return true;
	}

	private void forgetOldRequests(CustomerAccount account) {
		Iterator<String> oldest = account.requests.keySet().iterator();
		while (account.requests.size() > this.policy.dedupMaxEntries() && oldest.hasNext()) {
			oldest.next();
			oldest.remove();
		}
	}

	private void forgetOldOrders(CustomerAccount account, Instant now) {
		long horizon = now.minus(this.policy.orderRetention()).toEpochMilli();
		account.orders.values().removeIf((order) -> order.earnedAt > 0 && order.earnedAt < horizon);
	}

	private static String plain(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
	}

}
