package io.loyaltypulse.points.topology;

import java.time.Duration;
import java.time.Instant;

import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.points.InvalidEventException;
import org.apache.avro.specific.SpecificRecord;

/**
 * An event is admitted only while what would recognise it as a duplicate is remembered:
 * {@code admitted iff occurredAt > appliedUntil - retention}, the order retention for
 * purchases and refunds (recognised by their order), the dedup retention for the others
 * (by their id).
 *
 * <p>
 * The history stores forget what is older than their retention behind
 * {@code appliedUntil}, the newest event time the task applied; an event older than that
 * could be a forgotten duplicate, and is dead-lettered rather than risk a second credit.
 * The horizon counts back from {@code appliedUntil}, which is persisted, so a look-up
 * finds the same after a restart or in a replay.
 */
final class DedupHorizon {

	/** {@code appliedUntil} before the task applied any event. */
	static final long NOTHING_APPLIED = Long.MIN_VALUE;

	private final Duration orderRetention;

	private final Duration dedupRetention;

	DedupHorizon(Duration orderRetention, Duration dedupRetention) {
		this.orderRetention = orderRetention;
		this.dedupRetention = dedupRetention;
	}

	/**
	 * @throws InvalidEventException if the event is too old to be told from a duplicate
	 */
	void check(String customerId, SpecificRecord event, Instant at, long appliedUntil) {
		boolean byOrder = event instanceof PurchaseCompleted || event instanceof PurchaseRefunded;
		Duration retention = byOrder ? this.orderRetention : this.dedupRetention;
		long horizon = rememberedFrom(retention, appliedUntil) - 1;
		if (at.toEpochMilli() <= horizon) {
			throw new InvalidEventException(
					"%s for customer %s occurred at %s, before %s: older than the %s (%s, loyalty.points.%s), so it cannot be told from a duplicate"
						.formatted(event.getSchema().getName(), customerId, at, Instant.ofEpochMilli(horizon),
								byOrder ? "order retention" : "dedup retention", retention,
								byOrder ? "order-retention" : "dedup-retention"));
		}
	}

	/** The oldest time (epoch millis) the orders store still remembers. */
	long ordersFrom(long appliedUntil) {
		return rememberedFrom(this.orderRetention, appliedUntil);
	}

	/**
	 * The oldest time (epoch millis) the stores of processed ids and decided requests
	 * still remember.
	 */
	long idsFrom(long appliedUntil) {
		return rememberedFrom(this.dedupRetention, appliedUntil);
	}

	private static long rememberedFrom(Duration retention, long appliedUntil) {
		if (appliedUntil == NOTHING_APPLIED) {
			return 0;
		}
		return Math.max(0, appliedUntil - retention.toMillis() + 1);
	}

}
