package io.loyaltypulse.points.tiers;

import java.util.Map;

import io.loyaltypulse.support.state.StateReader;
import io.loyaltypulse.support.state.StateWriter;

/**
 * Writes a {@link TierStatus} inside the customer's account record. Qualifying points by
 * day are written as day deltas, which keeps a year of daily buckets to a few hundred
 * bytes.
 */
public final class TierStatusCodec {

	private TierStatusCodec() {
	}

	public static void write(TierStatus status, StateWriter out) {
		out.writeString(status.tier)
			.writeLong(status.periodEndsAt)
			.writeLong(status.warnedForPeriodEnd)
			.writeLong(status.eventCount);
		out.writeInt(status.qualifyingByDay.size());
		long previousDay = 0;
		for (Map.Entry<Long, Long> bucket : status.qualifyingByDay.entrySet()) {
			out.writeLong(bucket.getKey() - previousDay).writeLong(bucket.getValue());
			previousDay = bucket.getKey();
		}
	}

	public static TierStatus read(StateReader in) {
		TierStatus status = new TierStatus();
		status.tier = in.readString();
		status.periodEndsAt = in.readLong();
		status.warnedForPeriodEnd = in.readLong();
		status.eventCount = in.readLong();
		int buckets = in.readCount();
		long day = 0;
		for (int i = 0; i < buckets; i++) {
			day += in.readLong();
			status.qualifyingByDay.put(day, in.readLong());
		}
		return status;
	}

}
