package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;

/**
 * What is left of a lot expires with it:
 * {@code at lot.expiresAt: EXPIRE -lot.remaining, stamped lot.expiresAt, from the lot}.
 */
final class Expiry {

	private final int expiryMonths;

	Expiry(int expiryMonths) {
		this.expiryMonths = expiryMonths;
	}

	/**
	 * When the account's next lot expires (epoch millis), or Long.MAX_VALUE: the first
	 * lot, since the account keeps them soonest expiry first.
	 */
	long nextExpiry(CustomerAccount account) {
		return account.lots.isEmpty() ? Long.MAX_VALUE : account.lots.get(0).expiresAt;
	}

	/** Expires the lot that expires next, whatever the time: the caller says when. */
	PointsTransaction expireNext(CustomerAccount account) {
		Lot lot = account.lots.remove(0);
		String lotId = lot.id(account.customerId);
		return LedgerEntry
			.of(PointsTransactionKind.EXPIRE, -lot.remaining, Instant.ofEpochMilli(lot.expiresAt),
					new EntryCause(lotId, lot.orderId, null))
			.lots(List.of(Lots.movement(account, lot, -lot.remaining)))
			.appendTo(account, "%d of the %d points of lot %s expired %d months after their credit"
				.formatted(lot.remaining, lot.points, lotId, this.expiryMonths));
	}

}
