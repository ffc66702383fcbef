package io.loyaltypulse.points.topology;

import java.time.Instant;

import io.loyaltypulse.support.state.StateReader;
import io.loyaltypulse.support.state.StateWriter;
import io.loyaltypulse.support.state.VersionedSerde;

/** Persists a {@link RecentTransaction} in the {@code points-transactions} store. */
public final class RecentTransactionSerde extends VersionedSerde<RecentTransaction> {

	public RecentTransactionSerde() {
		super("points transaction", 1, (size) -> {
		});
	}

	@Override
	protected void write(RecentTransaction entry, StateWriter out) {
		out.writeString(entry.transactionId())
			.writeLong(entry.sequence())
			.writeLong(entry.occurredAt().toEpochMilli())
			.writeString(entry.kind())
			.writeLong(entry.points())
			.writeLong(entry.balanceAfter())
			.writeLong(entry.availableAfter())
			.writeLong(entry.pendingAfter())
			.writeString(entry.sourceEventId())
			.writeString(entry.orderId())
			.writeLong(entry.shortfall())
			.writeString(entry.explanation());
	}

	@Override
	protected RecentTransaction read(int version, StateReader in) {
		return new RecentTransaction(in.readString(), in.readLong(), Instant.ofEpochMilli(in.readLong()),
				in.readString(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readString(),
				in.readString(), in.readLong(), in.readString());
	}

}
