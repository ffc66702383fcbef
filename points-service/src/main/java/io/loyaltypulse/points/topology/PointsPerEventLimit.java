package io.loyaltypulse.points.topology;

import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.points.InvalidEventException;
import org.apache.avro.specific.SpecificRecord;

/**
 * A purchase that would earn absurdly much is refused:
 * {@code admitted iff every EARN it writes <= maxPointsPerEvent}.
 *
 * <p>
 * Checked on what the engine wrote, before anything is stored: the refused purchase
 * leaves no trace (absurd quantities or prices are bad data, not a windfall).
 */
final class PointsPerEventLimit {

	private final long maxPointsPerEvent;

	PointsPerEventLimit(long maxPointsPerEvent) {
		this.maxPointsPerEvent = maxPointsPerEvent;
	}

	/**
	 * @throws InvalidEventException if an earning is above the limit
	 */
	void check(String customerId, List<SpecificRecord> changes) {
		for (SpecificRecord change : changes) {
			if (change instanceof PointsTransaction entry && entry.getKind() == PointsTransactionKind.EARN
					&& entry.getPoints() > this.maxPointsPerEvent) {
				throw new InvalidEventException(
						"purchase %s of customer %s would earn %d points, more than the %d allowed per event (loyalty.points.max-points-per-event)"
							.formatted(entry.getOrderId(), customerId, entry.getPoints(), this.maxPointsPerEvent));
			}
		}
	}

}
