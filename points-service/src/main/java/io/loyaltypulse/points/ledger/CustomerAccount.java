package io.loyaltypulse.points.ledger;

import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.points.tiers.TierStatus;

/**
 * The hot part of what the points engine knows about one customer, read and written by
 * every event: counters, the lots and the tier. The one state record per customer, in the
 * {@code points-accounts} store; kept small on purpose, because its size is the engine's
 * cost. Orders, processed event ids and decided requests are in {@link CustomerHistory},
 * read only when an event needs them and forgotten after their retention. Fields are
 * package-private and changed only by the rules of this package, which
 * {@link PointsEngine} dispatches to; persisted by {@link CustomerAccountSerde}.
 */
public final class CustomerAccount {

	String customerId;

	/** Sequence number of the customer's last ledger entry. */
	long sequence;

	/**
	 * Points owed after a refund took back spent points under ALLOW_NEGATIVE; credits pay
	 * it first.
	 */
	long debt;

	/**
	 * Points refunds could not take back under CAP_AT_ZERO, in total; informational.
	 */
	long shortfall;

	/**
	 * The time the last ledger entry is stored under in the transactions store (epoch
	 * millis), kept by the topology: strictly increasing per customer, so that the
	 * store's time order is the ledger's order and no two entries share a key.
	 */
	long lastEntryStoredAt;

	/** Lots with points remaining, soonest expiry first. */
	List<Lot> lots = new ArrayList<>();

	TierStatus tiers = TierStatus.initial();

	/**
	 * Whether the customer ever made a paid purchase; a referral registered after one is
	 * refused (they are not a new customer).
	 */
	boolean hasPurchased;

	/** The customer's own referral; null if they were not referred. */
	Referral referral;

	/** Review bonuses paid in the latest calendar month counted (UTC). */
	PeriodCount reviewBonuses = PeriodCount.NONE;

	/**
	 * Referral bonuses earned as a referrer in the latest calendar year counted (UTC).
	 */
	PeriodCount referralBonuses = PeriodCount.NONE;

	/**
	 * The due time under which the account is registered in the schedule store (epoch
	 * millis); Long.MAX_VALUE when nothing is due.
	 */
	long scheduledAt = Long.MAX_VALUE;

	CustomerAccount() {
	}

	public static CustomerAccount open(String customerId) {
		CustomerAccount account = new CustomerAccount();
		account.customerId = customerId;
		return account;
	}

	public String customerId() {
		return this.customerId;
	}

	public long sequence() {
		return this.sequence;
	}

	public long lastEntryStoredAt() {
		return this.lastEntryStoredAt;
	}

	public void lastEntryStoredAt(long storedAt) {
		this.lastEntryStoredAt = storedAt;
	}

	public long scheduledAt() {
		return this.scheduledAt;
	}

	public void scheduledAt(long dueAt) {
		this.scheduledAt = dueAt;
	}

	public TierStatus tiers() {
		return this.tiers;
	}

	long available(long at) {
		long sum = -this.debt;
		for (Lot lot : this.lots) {
			if (lot.isAvailableAt(at)) {
				sum += lot.remaining;
			}
		}
		return sum;
	}

	long pending(long at) {
		long sum = 0;
		for (Lot lot : this.lots) {
			if (!lot.isAvailableAt(at)) {
				sum += lot.remaining;
			}
		}
		return sum;
	}

}
