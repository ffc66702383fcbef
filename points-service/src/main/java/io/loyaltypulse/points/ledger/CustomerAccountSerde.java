package io.loyaltypulse.points.ledger;

import java.util.function.LongConsumer;

import io.loyaltypulse.support.state.StateReader;
import io.loyaltypulse.support.state.StateWriter;
import io.loyaltypulse.support.state.VersionedSerde;
import io.loyaltypulse.points.tiers.TierStatusCodec;

/**
 * Persists a {@link CustomerAccount} in the {@code points-accounts} store and its
 * changelog. Version 2: the compact binary form (version 1 was JSON with the orders and
 * event ids inside, never released). Version 3 adds the referral, whether the customer
 * purchased, and the review and referral bonus counts; a version 2 account reads as never
 * referred, with nothing counted, and as having purchased if it has any ledger entry (an
 * existing customer is not a new one).
 */
public final class CustomerAccountSerde extends VersionedSerde<CustomerAccount> {

	private static final int VERSION = 3;

	private static final int FIRST_RELEASED = 2;

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
		out.writeBoolean(account.hasPurchased);
		writeReferral(account.referral, out);
		writeCount(account.reviewBonuses, out);
		writeCount(account.referralBonuses, out);
	}

	@Override
	protected CustomerAccount read(int version, StateReader in) {
		if (version < FIRST_RELEASED) {
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
		if (version < 3) {
			account.hasPurchased = account.sequence > 0;
			return account;
		}
		account.hasPurchased = in.readBoolean();
		account.referral = readReferral(in);
		account.reviewBonuses = readCount(in);
		account.referralBonuses = readCount(in);
		return account;
	}

	private static void writeReferral(Referral referral, StateWriter out) {
		out.writeBoolean(referral != null);
		if (referral != null) {
			out.writeString(referral.referrerId)
				.writeString(referral.eventId)
				.writeLong(referral.registeredAt)
				.writeInt(referral.status.ordinal())
				.writeString(referral.orderId)
				.writeLong(referral.qualifiesAt);
		}
	}

	private static Referral readReferral(StateReader in) {
		if (!in.readBoolean()) {
			return null;
		}
		Referral referral = new Referral(in.readString(), in.readString(), in.readLong());
		int status = in.readInt();
		if (status < 0 || status >= Referral.Status.values().length) {
			throw new StateReader.CorruptStateException("unknown referral status " + status);
		}
		referral.status = Referral.Status.values()[status];
		referral.orderId = in.readString();
		referral.qualifiesAt = in.readLong();
		return referral;
	}

	private static void writeCount(PeriodCount count, StateWriter out) {
		out.writeInt(count.period()).writeInt(count.count());
	}

	private static PeriodCount readCount(StateReader in) {
		return new PeriodCount(in.readInt(), in.readInt());
	}

}
