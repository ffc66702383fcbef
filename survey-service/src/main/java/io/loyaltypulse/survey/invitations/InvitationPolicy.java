package io.loyaltypulse.survey.invitations;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a post-purchase survey invitation is due, and whether it is sent.
 *
 * <p>
 * Rule: a purchase makes an invitation due invite-after later (unless one is pending, or
 * it fell due more than max-lateness ago: a backfill); at its due time it is sent unless
 * the customer was invited less than min-interval before or has an open complaint, in
 * which case it is dropped.
 */
public final class InvitationPolicy {

	/** What happens to a pending invitation at its due time. */
	public enum Outcome {

		/** Sent. */
		INVITE,

		/** Dropped: the customer was invited less than min-interval before. */
		RATE_LIMITED,

		/** Dropped: the customer has an open complaint. */
		SUPPRESSED_BY_COMPLAINT

	}

	private final Duration inviteAfter;

	private final Duration minInterval;

	private final Duration maxLateness;

	/**
	 * @param inviteAfter from the purchase to the invitation (7 days)
	 * @param minInterval the least time between two invitations of a customer (90 days),
	 * at least invite-after, so that the one pending invitation per customer never hides
	 * another that would be sent
	 * @param maxLateness an invitation that fell due longer ago than this when its
	 * purchase arrives is not made (a backfill of old purchases sends no surveys)
	 */
	public InvitationPolicy(Duration inviteAfter, Duration minInterval, Duration maxLateness) {
		if (inviteAfter.isNegative() || minInterval.compareTo(inviteAfter) < 0 || maxLateness.isNegative()) {
			throw new IllegalArgumentException(
					"loyalty.surveys: invite-after (" + inviteAfter + ") must not be negative, min-interval ("
							+ minInterval + ") at least invite-after, max-lateness (" + maxLateness + ") not negative");
		}
		this.inviteAfter = inviteAfter;
		this.minInterval = minInterval;
		this.maxLateness = maxLateness;
	}

	public Duration minInterval() {
		return this.minInterval;
	}

	/**
	 * The invitation a purchase makes due, if any.
	 * @param purchase the purchase, its {@code dueAt} not yet set (any value)
	 * @param now the wall clock
	 */
	public Optional<PendingInvitation> schedule(CustomerInvitations customer, PendingInvitation purchase, Instant now) {
		Instant dueAt = purchase.purchasedAt().plus(this.inviteAfter);
		if (customer.pending() != null || dueAt.isBefore(now.minus(this.maxLateness))) {
			return Optional.empty();
		}
		return Optional.of(new PendingInvitation(purchase.purchaseEventId(), purchase.orderId(), purchase.purchasedAt(),
				dueAt, purchase.storeId(), purchase.channel(), purchase.region()));
	}

	/** What happens to the customer's pending invitation at its due time. */
	public Outcome atDueTime(CustomerInvitations customer) {
		Instant dueAt = customer.pending().dueAt();
		if (customer.lastInvitedAt() != null && dueAt.isBefore(customer.lastInvitedAt().plus(this.minInterval))) {
			return Outcome.RATE_LIMITED;
		}
		return customer.openComplaints().isEmpty() ? Outcome.INVITE : Outcome.SUPPRESSED_BY_COMPLAINT;
	}

	/**
	 * Whether the customer's state can be forgotten at {@code now}: nothing pending, no
	 * open complaint, and the last invitation older than min-interval.
	 */
	public boolean forgettable(CustomerInvitations customer, Instant now) {
		return customer.pending() == null && customer.openComplaints().isEmpty()
				&& (customer.lastInvitedAt() == null || !now.isBefore(customer.lastInvitedAt().plus(this.minInterval)));
	}

}
