package io.loyaltypulse.points.ledger;

import java.util.function.LongConsumer;

import io.loyaltypulse.support.state.StateReader;
import io.loyaltypulse.support.state.StateWriter;
import io.loyaltypulse.support.state.VersionedSerde;
import io.loyaltypulse.points.tiers.TierStatusCodec;

/**
 * Persists a {@link CustomerAccount} in the {@code points-accounts} store and its
 * changelog. Version 2: the compact binary form (version 1 was JSON with the orders and
 * event ids inside, never released).
 */
public final class CustomerAccountSerde extends VersionedSerde<CustomerAccount> {

	private static final int VERSION = 2;

	/**
	 * @param sizeObserver told the size in bytes of every record written, for the
	 * state-size metric
	 */
	public CustomerAccountSerde(LongConsumer sizeObserver) {
		super("points account", VERSION, sizeObserver);
	}

	public CustomerAccountSerde() {
		this((size) -> {
		});
	}

	@Override
	protected void write(CustomerAccount account, StateWriter out) {
		out.writeString(account.customerId)
			.writeLong(account.sequence)
			.writeLong(account.debt)
			.writeLong(account.shortfall)
			.writeLong(account.lastEntryStoredAt)
			.writeLong(account.scheduledAt);
		out.writeInt(account.lots.size());
		for (Lot lot : account.lots) {
			out.writeLong(lot.sequence)
				.writeString(lot.orderId)
				.writeLong(lot.points)
				.writeLong(lot.remaining)
				.writeLong(lot.availableAt)
				.writeLong(lot.expiresAt);
		}
		TierStatusCodec.write(account.tiers, out);
	}

	@Override
	protected CustomerAccount read(int version, StateReader in) {
		if (version < VERSION) {
			throw new StateReader.CorruptStateException("version " + version + " was never released");
		}
		CustomerAccount account = new CustomerAccount();
		account.customerId = in.readString();
		account.sequence = in.readLong();
		account.debt = in.readLong();
		account.shortfall = in.readLong();
		account.lastEntryStoredAt = in.readLong();
		account.scheduledAt = in.readLong();
		int lots = in.readCount();
		for (int i = 0; i < lots; i++) {
			Lot lot = new Lot();
			lot.sequence = in.readLong();
			lot.orderId = in.readString();
			lot.points = in.readLong();
			lot.remaining = in.readLong();
			lot.availableAt = in.readLong();
			lot.expiresAt = in.readLong();
			account.lots.add(lot);
		}
		account.tiers = TierStatusCodec.read(in);
		return account;
	}

}
