package io.loyaltypulse.points.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
 * Pure and single-threaded: no Kafka, no clock. The account is the customer's hot state,
 * the {@link CustomerHistory} their orders, processed ids and decided requests. Time is
 * the event's time (or the punctuator's), which is what makes a replay produce the same
 * ledger. A rejected event ({@link InvalidEventException}) may leave the account
 * half-changed: callers apply events to a freshly read account and store it only on
 * success.
 */
public final class PointsEngine {

	private static final Comparator<Lot> SPENDING_ORDER = Comparator.comparingLong((Lot lot) -> lot.expiresAt)
		.thenComparingLong((lot) -> lot.availableAt)
		.thenComparingLong((lot) -> lot.sequence);

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
	 * again with its first outcome). Purchases and refunds are recognised by their
	 * order's record, which keeps the ids of the events that changed it; the others by
	 * the history's processed ids.
	 * @return the ledger entries, request outcomes and tier events, in order
	 */
	public List<SpecificRecord> apply(CustomerAccount account, CustomerHistory history, SpecificRecord event) {
		List<SpecificRecord> out = new ArrayList<>();
		switch (event) {
			case PurchaseCompleted purchase -> earn(account, history, purchase, out);
			case PurchaseRefunded refund -> refund(account, history, refund, out);
			case SurveyResponded response -> {
				if (history.firstTime(response.getEventId(), response.getOccurredAt())) {
					advance(account, response.getOccurredAt(), out);
					surveyBonus(account, history, response, out);
				}
			}
			case PointsRedemptionRequested request -> redeem(account, history, request, out);
			case PointsAdjustmentRequested request -> adjust(account, history, request, out);
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

	private void earn(CustomerAccount account, CustomerHistory history, PurchaseCompleted purchase,
			List<SpecificRecord> out) {
		OrderRecord existing = history.order(purchase.getOrderId());
		if (existing != null && existing.wasEarned()) {
			if (existing.earnEventId.equals(purchase.getEventId())) {
				return;
			}
			throw new InvalidEventException("order " + purchase.getOrderId()
					+ " already earned points under another eventId; the same fact must keep its eventId");
		}
		validate(purchase);
		Instant at = purchase.getOccurredAt();
		advance(account, at, out);
		Earning earned = this.earning.earn(purchase, this.tiers.current(account.tiers));
		OrderRecord order = (existing != null) ? existing : new OrderRecord(purchase.getOrderId(), at.toEpochMilli());
		order.earnEventId = purchase.getEventId();
		order.earnedAt = at.toEpochMilli();
		// Kept for the order retention after the purchase, even when a redemption against
		// the order created the record earlier.
		order.storedAt = Math.max(order.storedAt, at.toEpochMilli());
		order.total = purchase.getTotal();
		order.currency = purchase.getCurrency();
		order.points = earned.points();
		for (LineEarning line : earned.lines()) {
			order.lines.put(line.lineId(), new OrderRecord.LineRecord(line.quantity(), line.points()));
		}
		if (earned.points() > 0) {
			long availableAt = at.plus(this.policy.returnWindow()).toEpochMilli();
			PointsTransaction entry = credit(account, PointsTransactionKind.EARN, earned.points(), at,
					purchase.getEventId(), purchase.getOrderId(), availableAt,
					earned.explanation() + "; pending until the return window ends", null);
			order.lotSequence = entry.getSequence();
			out.add(entry);
			out.addAll(this.tiers.addQualifying(account.tiers, account.customerId, at, earned.points(), at));
		}
		history.saveOrder(order);
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

	private void refund(CustomerAccount account, CustomerHistory history, PurchaseRefunded refund,
			List<SpecificRecord> out) {
		OrderRecord order = history.order(refund.getOrderId());
		if (order == null || !order.wasEarned()) {
			throw new InvalidEventException(
					"refund " + refund.getRefundId() + " of unknown order " + refund.getOrderId() + " of customer "
							+ refund.getCustomerId() + ": no purchase of it was processed within the order retention");
		}
		if (order.refundEventIds.contains(refund.getEventId())) {
			return;
		}
		advance(account, refund.getOccurredAt(), out);
		order.refundEventIds.add(refund.getEventId());
		if (!order.currency.equals(refund.getCurrency())) {
			throw new InvalidEventException("refund " + refund.getRefundId() + " in " + refund.getCurrency()
					+ " of an order paid in " + order.currency);
		}
		BigDecimal left = order.total.subtract(order.refunded);
		if (refund.getAmount().signum() <= 0 || refund.getAmount().compareTo(left) > 0) {
			throw new InvalidEventException("refund " + refund.getRefundId() + " of " + refund.getAmount()
					+ " is not positive or exceeds what is left of order " + refund.getOrderId());
		}
		// Amounts are shared out over what is still unrefunded, so that refunds by lines
		// and by amount can follow each other without counting a part twice, and the last
		// refund takes back exactly what is left.
		long reversal = refund.getLines().isEmpty() ? share(order.points - order.reversed, refund.getAmount(), left)
				: lineReversal(order, refund);
		long restore = share(order.redeemed - order.restored, refund.getAmount(), left);
		order.refunded = order.refunded.add(refund.getAmount());
		BigDecimal refunded = order.refunded;

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
		history.saveOrder(order);
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
	 * The share {@code part / whole} of some points, rounded down; all of them when the
	 * part is the whole.
	 */
	private static long share(long points, BigDecimal part, BigDecimal whole) {
		if (points <= 0 || whole.signum() <= 0) {
			return 0;
		}
		return BigDecimal.valueOf(points).multiply(part).divide(whole, 0, RoundingMode.DOWN).longValueExact();
	}

	private PointsTransaction reverseEarn(CustomerAccount account, OrderRecord order, PurchaseRefunded refund,
			long points) {
		Instant at = refund.getOccurredAt();
		List<Lot> sources = new ArrayList<>();
		account.lots.stream().filter((lot) -> lot.sequence == order.lotSequence).forEach(sources::add);
		account.lots.stream().filter((lot) -> lot.sequence != order.lotSequence).forEach(sources::add);
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

	private void surveyBonus(CustomerAccount account, CustomerHistory history, SurveyResponded response,
			List<SpecificRecord> out) {
		long bonus = this.policy.surveyBonusPoints();
		if (bonus <= 0 || !history.firstBonusFor(response.getSurveyId(), response.getOccurredAt())) {
			return;
		}
		Instant at = response.getOccurredAt();
		out.add(credit(account, PointsTransactionKind.BONUS, bonus, at, response.getEventId(), null, at.toEpochMilli(),
				"Bonus for answering survey %s: %d points, once per survey".formatted(response.getSurveyId(), bonus),
				null));
	}

	// ---- requests --------------------------------------------------------------

	private void redeem(CustomerAccount account, CustomerHistory history, PointsRedemptionRequested request,
			List<SpecificRecord> out) {
		String fingerprint = "R|%d|%s|%s".formatted(request.getPoints(), request.getOrderId(),
				request.getDescription());
		if (answerAgain(account, history, request.getEventId(), request.getAttemptId(), fingerprint,
				PointsRequestKind.REDEMPTION, request.getPoints(), request.getOccurredAt(), out)) {
			return;
		}
		Instant at = request.getOccurredAt();
		advance(account, at, out);
		if (request.getPoints() <= 0) {
			decide(account, history, request.getEventId(), request.getAttemptId(), fingerprint,
					PointsRequestKind.REDEMPTION, request.getPoints(), at, PointsRequestStatus.INVALID, null,
					"a redemption must be of at least 1 point", out);
			return;
		}
		OrderRecord against = (request.getOrderId() != null) ? history.order(request.getOrderId()) : null;
		if (against != null && against.isFullyRefunded()) {
			decide(account, history, request.getEventId(), request.getAttemptId(), fingerprint,
					PointsRequestKind.REDEMPTION, request.getPoints(), at, PointsRequestStatus.INVALID, null,
					"order %s is fully refunded: no points can be redeemed against it".formatted(request.getOrderId()),
					out);
			return;
		}
		long available = account.available(at.toEpochMilli());
		if (available < request.getPoints()) {
			decide(account, history, request.getEventId(), request.getAttemptId(), fingerprint,
					PointsRequestKind.REDEMPTION, request.getPoints(), at, PointsRequestStatus.INSUFFICIENT_POINTS,
					null, "%d points requested, %d available".formatted(request.getPoints(), Math.max(0, available)),
					out);
			return;
		}
		PointsTransaction entry = spend(account, PointsTransactionKind.REDEEM, request.getPoints(), at,
				request.getEventId(), request.getOrderId(), null,
				"Redemption of %d points%s%s".formatted(request.getPoints(),
						(request.getOrderId() != null) ? " against order " + request.getOrderId() : "",
						(request.getDescription() != null) ? " (" + request.getDescription() + ")" : ""));
		if (request.getOrderId() != null) {
			OrderRecord order = (against != null) ? against : new OrderRecord(request.getOrderId(), at.toEpochMilli());
			order.redeemed += request.getPoints();
			history.saveOrder(order);
		}
		out.add(entry);
		decide(account, history, request.getEventId(), request.getAttemptId(), fingerprint,
				PointsRequestKind.REDEMPTION, request.getPoints(), at, PointsRequestStatus.APPROVED, entry.getEventId(),
				entry.getExplanation(), out);
	}

	private void adjust(CustomerAccount account, CustomerHistory history, PointsAdjustmentRequested request,
			List<SpecificRecord> out) {
		String fingerprint = "A|%d|%s|%s".formatted(request.getPoints(), request.getReason(), request.getActor());
		if (answerAgain(account, history, request.getEventId(), request.getAttemptId(), fingerprint,
				PointsRequestKind.ADJUSTMENT, request.getPoints(), request.getOccurredAt(), out)) {
			return;
		}
		Instant at = request.getOccurredAt();
		advance(account, at, out);
		if (request.getPoints() == 0 || request.getReason().isBlank() || request.getActor().isBlank()) {
			decide(account, history, request.getEventId(), request.getAttemptId(), fingerprint,
					PointsRequestKind.ADJUSTMENT, request.getPoints(), at, PointsRequestStatus.INVALID, null,
					"an adjustment needs non-zero points, a reason and an actor", out);
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
				decide(account, history, request.getEventId(), request.getAttemptId(), fingerprint,
						PointsRequestKind.ADJUSTMENT, request.getPoints(), at, PointsRequestStatus.INSUFFICIENT_POINTS,
						null,
						"%d points to debit, %d available".formatted(-request.getPoints(), Math.max(0, available)),
						out);
				return;
			}
			entry = spend(account, PointsTransactionKind.ADJUST, -request.getPoints(), at, request.getEventId(), null,
					request.getActor(), explanation);
		}
		out.add(entry);
		decide(account, history, request.getEventId(), request.getAttemptId(), fingerprint,
				PointsRequestKind.ADJUSTMENT, request.getPoints(), at, PointsRequestStatus.APPROVED, entry.getEventId(),
				explanation, out);
	}

	private boolean answerAgain(CustomerAccount account, CustomerHistory history, String requestId, String attemptId,
			String fingerprint, PointsRequestKind kind, long points, Instant at, List<SpecificRecord> out) {
		RequestRecord previous = history.request(requestId);
		if (previous == null) {
			return false;
		}
		previous.answers++;
		history.saveRequest(previous);
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
			.setAttemptId(attemptId)
			.build());
		return true;
	}

	private void decide(CustomerAccount account, CustomerHistory history, String requestId, String attemptId,
			String fingerprint, PointsRequestKind kind, long points, Instant at, PointsRequestStatus status,
			String transactionId, String explanation, List<SpecificRecord> out) {
		RequestRecord record = new RequestRecord();
		record.requestId = requestId;
		record.decidedAt = at.toEpochMilli();
		record.fingerprint = fingerprint;
		record.status = status.name();
		record.points = points;
		record.transactionId = transactionId;
		record.availableAfter = account.available(at.toEpochMilli());
		record.pendingAfter = account.pending(at.toEpochMilli());
		record.explanation = explanation;
		record.answers = 1;
		history.saveRequest(record);
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
			.setAttemptId(attemptId)
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
	}

	private void expire(CustomerAccount account, Lot lot, List<SpecificRecord> out) {
		account.lots.remove(lot);
		Instant at = Instant.ofEpochMilli(lot.expiresAt);
		String lotId = lot.id(account.customerId);
		List<PointsLotMovement> movements = List.of(movement(account, lot, -lot.remaining));
		out.add(entry(account, PointsTransactionKind.EXPIRE, -lot.remaining, at, lotId, lot.orderId, null, null,
				movements, 0, null, "%d of the %d points of lot %s expired %d months after their credit"
					.formatted(lot.remaining, lot.points, lotId, this.policy.expiryMonths())));
	}

	// ---- lots ------------------------------------------------------------------

	private PointsTransaction credit(CustomerAccount account, PointsTransactionKind kind, long points, Instant at,
			String sourceEventId, String orderId, long availableAt, String explanation, String actor) {
		long expiresAt = at.atZone(ZoneOffset.UTC).plusMonths(this.policy.expiryMonths()).toInstant().toEpochMilli();
		Lot lot = new Lot(account.sequence + 1, orderId, points, availableAt, expiresAt);
		long settled = Math.min(account.debt, points);
		if (settled > 0) {
			account.debt -= settled;
			lot.remaining -= settled;
			explanation += "; %d of them settle a negative balance".formatted(settled);
		}
		// The movement is what the lot really receives: points that settle a debt never
		// enter a lot, so the lots' movements always add up to their remaining points.
		List<PointsLotMovement> movements = List.of();
		if (lot.remaining > 0) {
			account.lots.add(lot);
			account.lots.sort(SPENDING_ORDER);
			movements = List.of(movement(account, lot, lot.remaining));
		}
		return entry(account, kind, points, at, sourceEventId, orderId, Instant.ofEpochMilli(availableAt),
				Instant.ofEpochMilli(expiresAt), movements, 0, actor, explanation);
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
				movements.add(movement(account, lot, -taken));
			}
		}
		account.lots.removeIf((lot) -> lot.remaining == 0);
		return missing;
	}

	private static PointsLotMovement movement(CustomerAccount account, Lot lot, long points) {
		return PointsLotMovement.newBuilder()
			.setLotId(lot.id(account.customerId))
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

	private static String plain(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
	}

}
