package io.loyaltypulse.points.ledger;

/**
 * A customer's own referral, kept in their account for good once registered: who referred
 * them, and how far the referral got. Written by {@link Referrals} and
 * {@link ReferralQualification}; persisted by {@link CustomerAccountSerde}.
 */
final class Referral {

	/** Where a referral stands. */
	enum Status {

		/** Registered; the customer has not bought yet. */
		AWAITING_FIRST_PURCHASE,

		/** The first purchase is in its return window until {@link #qualifiesAt}. */
		IN_RETURN_WINDOW,

		/** The window closed without a full refund: both customers were paid. */
		QUALIFIED,

		/** The first purchase was fully refunded in its window: nobody is paid. */
		VOID

	}

	String referrerId;

	String eventId;

	long registeredAt;

	Status status = Status.AWAITING_FIRST_PURCHASE;

	/** The first purchase; null while awaiting it. */
	String orderId;

	/** When the first purchase's return window closes (epoch millis); else MAX_VALUE. */
	long qualifiesAt = Long.MAX_VALUE;

	Referral() {
	}

	Referral(String referrerId, String eventId, long registeredAt) {
		this.referrerId = referrerId;
		this.eventId = eventId;
		this.registeredAt = registeredAt;
	}

	/** When the referral is next due to qualify (epoch millis), or Long.MAX_VALUE. */
	long dueAt() {
		return (this.status == Status.IN_RETURN_WINDOW) ? this.qualifiesAt : Long.MAX_VALUE;
	}

}
