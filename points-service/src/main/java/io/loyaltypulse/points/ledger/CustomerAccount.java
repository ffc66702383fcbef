package io.loyaltypulse.points.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.loyaltypulse.points.tiers.TierStatus;

/**
 * Everything the points engine knows about one customer: the one state record per
 * customer, in the {@code points-accounts} store. Its fields are package-private and
 * changed only by {@link PointsEngine}; it is persisted by {@link CustomerAccountSerde},
 * whose {@code version} field lets a later release read what this one wrote.
 */
public final class CustomerAccount {

	/** Format of the persisted record; see {@link CustomerAccountSerde}. */
	static final int CURRENT_VERSION = 1;

	int version = CURRENT_VERSION;

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

	/** Lots with points remaining, soonest expiry first. */
	List<Lot> lots = new ArrayList<>();

	/** Orders by order id, kept for exact refunds. */
	Map<String, OrderRecord> orders = new HashMap<>();

	TierStatus tiers = TierStatus.initial();

	/** Surveys a bonus was paid for. */
	Set<String> rewardedSurveys = new LinkedHashSet<>();

	/** Processed event ids with their event time (epoch millis), oldest first. */
	LinkedHashMap<String, Long> processed = new LinkedHashMap<>();

	/** Decided requests by request id, oldest first, to answer a retry the same way. */
	LinkedHashMap<String, RequestRecord> requests = new LinkedHashMap<>();

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

	public long scheduledAt() {
		return this.scheduledAt;
	}

	public void scheduledAt(long dueAt) {
		this.scheduledAt = dueAt;
	}

	public TierStatus tiers() {
		return this.tiers;
	}

	/**
	 * True while nothing the customer did has left a trace: no ledger entry, order,
	 * request or survey (processed event ids do not count: the event being applied is
	 * already among them).
	 */
	boolean isNew() {
		return this.sequence == 0 && this.orders.isEmpty() && this.requests.isEmpty() && this.rewardedSurveys.isEmpty();
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

	/** A decided request, kept so that a retry gets the same answer. */
	static final class RequestRecord {

		String fingerprint;

		String status;

		long points;

		String transactionId;

		long availableAfter;

		long pendingAfter;

		String explanation;

		/** How many outcomes were published for the request, for unique outcome ids. */
		int answers;

		RequestRecord() {
		}

	}

}
