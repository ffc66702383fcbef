package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.loyaltypulse.events.PointsLotMovement;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;

/**
 * Points live in lots:
 * {@code credit(p) = settle the debt with p first, the rest is a new lot expiring expiryMonths later; spend(p) = take from the available lots, soonest expiry first}.
 *
 * <p>
 * The account keeps its lots in spending order (expiry, then availability, then
 * sequence), so the first lot is always the next to expire.
 */
final class Lots {

	static final Comparator<Lot> SPENDING_ORDER = Comparator.comparingLong((Lot lot) -> lot.expiresAt)
		.thenComparingLong((lot) -> lot.availableAt)
		.thenComparingLong((lot) -> lot.sequence);

	private final int expiryMonths;

	Lots(int expiryMonths) {
		this.expiryMonths = expiryMonths;
	}

	/**
	 * Credits points as a new lot, available from {@code availableAt}; what settles a
	 * debt first never enters the lot.
	 */
	PointsTransaction credit(CustomerAccount account, PointsTransactionKind kind, long points, Instant at,
			long availableAt, EntryCause cause, String explanation) {
		long expiresAt = expiresAt(at);
		Lot lot = new Lot(account.sequence + 1, cause.orderId(), points, availableAt, expiresAt);
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
		return LedgerEntry.of(kind, points, at, cause)
			.credited(availableAt, expiresAt)
			.lots(movements)
			.appendTo(account, explanation);
	}

	/**
	 * Debits available points, soonest-expiring lots first. The caller checked that they
	 * are there: spending more is a bug, not bad data.
	 */
	PointsTransaction spend(CustomerAccount account, PointsTransactionKind kind, long points, Instant at,
			EntryCause cause, String explanation) {
		long now = at.toEpochMilli();
		List<Lot> available = account.lots.stream().filter((lot) -> lot.isAvailableAt(now)).toList();
		List<PointsLotMovement> movements = new ArrayList<>();
		long missing = draw(account, available, points, movements);
		if (missing > 0) {
			throw new IllegalStateException("spent more than available: the caller must check the balance");
		}
		return LedgerEntry.of(kind, -points, at, cause).lots(movements).appendTo(account, explanation);
	}

	/**
	 * Takes back points a refund reverses: first from the lot the order earned (pending
	 * or available), then from the others, soonest expiry first, pending ones included.
	 * @return the points that were no longer there (already spent)
	 */
	long takeBack(CustomerAccount account, long orderLotSequence, long points, List<PointsLotMovement> movements) {
		List<Lot> sources = new ArrayList<>();
		account.lots.stream().filter((lot) -> lot.sequence == orderLotSequence).forEach(sources::add);
		account.lots.stream().filter((lot) -> lot.sequence != orderLotSequence).forEach(sources::add);
		return draw(account, sources, points, movements);
	}

	/** When a lot credited at {@code at} expires: calendar months later, in UTC. */
	long expiresAt(Instant at) {
		return at.atZone(ZoneOffset.UTC).plusMonths(this.expiryMonths).toInstant().toEpochMilli();
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

	static PointsLotMovement movement(CustomerAccount account, Lot lot, long points) {
		return PointsLotMovement.newBuilder()
			.setLotId(lot.id(account.customerId))
			.setPoints(points)
			.setExpiresAt(Instant.ofEpochMilli(lot.expiresAt))
			.build();
	}

}
