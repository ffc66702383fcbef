package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsLotMovement;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;

/**
 * One change of a balance, appended as the next entry of the customer's ledger:
 * {@code entry(n) = (customerId:n, points, balanceAfter = available + pending at its time), n = n(previous) + 1}.
 *
 * <p>
 * The balances are read from the account when the entry is appended, so the lots must
 * already hold what the entry did to them.
 */
final class LedgerEntry {

	private final PointsTransactionKind kind;

	private final long points;

	private final Instant at;

	private final EntryCause cause;

	private Instant availableAt;

	private Instant expiresAt;

	private List<PointsLotMovement> lots = List.of();

	private long shortfall;

	private LedgerEntry(PointsTransactionKind kind, long points, Instant at, EntryCause cause) {
		this.kind = kind;
		this.points = points;
		this.at = at;
		this.cause = cause;
	}

	/**
	 * @param points the change of the balance: positive for a credit, negative for a
	 * debit
	 */
	static LedgerEntry of(PointsTransactionKind kind, long points, Instant at, EntryCause cause) {
		return new LedgerEntry(kind, points, at, cause);
	}

	/** For a credit: when its lot can be spent and when it expires. */
	LedgerEntry credited(long availableAt, long expiresAt) {
		this.availableAt = Instant.ofEpochMilli(availableAt);
		this.expiresAt = Instant.ofEpochMilli(expiresAt);
		return this;
	}

	/** What the lots really received or gave. */
	LedgerEntry lots(List<PointsLotMovement> movements) {
		this.lots = movements;
		return this;
	}

	/** Points a refund could not take back (CAP_AT_ZERO). */
	LedgerEntry shortfall(long points) {
		this.shortfall = points;
		return this;
	}

	/** Numbers the entry as the account's next one and says why it was written. */
	PointsTransaction appendTo(CustomerAccount account, String explanation) {
		account.sequence++;
		long now = this.at.toEpochMilli();
		long available = account.available(now);
		long pending = account.pending(now);
		return PointsTransaction.newBuilder()
			.setEventId(account.customerId + ":" + account.sequence)
			.setCustomerId(account.customerId)
			.setOccurredAt(this.at)
			.setSequence(account.sequence)
			.setKind(this.kind)
			.setPoints(this.points)
			.setBalanceAfter(available + pending)
			.setAvailableAfter(available)
			.setPendingAfter(pending)
			.setSourceEventId(this.cause.sourceEventId())
			.setOrderId(this.cause.orderId())
			.setAvailableAt(this.availableAt)
			.setExpiresAt(this.expiresAt)
			.setLots(this.lots)
			.setShortfall(this.shortfall)
			.setActor(this.cause.actor())
			.setExplanation(explanation)
			.build();
	}

}
