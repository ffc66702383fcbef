package io.loyaltypulse.points.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.events.ReferralRegistered;
import io.loyaltypulse.points.InvalidEventException;
import org.apache.avro.specific.SpecificRecord;

/**
 * A new customer is referred once, by someone else, before their first purchase, which
 * then starts the qualification:
 * {@code referral = registered if referrer != customer and not referred before and never purchased; first paid purchase -> qualifiesAt = occurredAt + returnWindow; full refund before then -> VOID}.
 *
 * <p>
 * A refused referral goes to the dead-letter topic with its reason; a void one is said in
 * the explanation of the refund's ledger entry. {@link ReferralQualification} pays once
 * the window closed.
 */
final class Referrals {

	private final Timeline timeline;

	private final Duration returnWindow;

	Referrals(Timeline timeline, Duration returnWindow) {
		this.timeline = timeline;
		this.returnWindow = returnWindow;
	}

	void apply(CustomerAccount account, CustomerHistory history, ReferralRegistered referral,
			List<SpecificRecord> out) {
		Instant at = referral.getOccurredAt();
		if (!history.firstTime(referral.getEventId(), at)) {
			return;
		}
		if (referral.getReferrerId().equals(account.customerId)) {
			throw refused(referral, "nobody can refer themself");
		}
		if (account.referral != null) {
			throw refused(referral, "they were referred already, by customer %s (event %s): a customer is referred once"
				.formatted(account.referral.referrerId, account.referral.eventId));
		}
		if (account.hasPurchased) {
			throw refused(referral, "they bought before: a referral is for new customers");
		}
		this.timeline.advance(account, at, out);
		account.referral = new Referral(referral.getReferrerId(), referral.getEventId(), at.toEpochMilli());
	}

	/**
	 * Called once a purchase was applied: a customer's first paid purchase starts their
	 * referral's return window.
	 */
	void purchased(CustomerAccount account, PurchaseCompleted purchase) {
		if (purchase.getTotal().signum() <= 0) {
			return;
		}
		account.hasPurchased = true;
		Referral referral = account.referral;
		if (referral != null && referral.status == Referral.Status.AWAITING_FIRST_PURCHASE) {
			referral.status = Referral.Status.IN_RETURN_WINDOW;
			referral.orderId = purchase.getOrderId();
			referral.qualifiesAt = purchase.getOccurredAt().plus(this.returnWindow).toEpochMilli();
		}
	}

	/**
	 * Called once a refund was applied (what fell due before it included): a full refund
	 * of the first purchase within its return window voids the referral.
	 */
	void refunded(CustomerAccount account, CustomerHistory history, PurchaseRefunded refund, List<SpecificRecord> out) {
		Referral referral = account.referral;
		if (referral == null || referral.status != Referral.Status.IN_RETURN_WINDOW
				|| !referral.orderId.equals(refund.getOrderId())) {
			return;
		}
		OrderRecord order = history.order(refund.getOrderId());
		if (order == null || !order.isFullyRefunded()) {
			return;
		}
		referral.status = Referral.Status.VOID;
		String note = "; the referral by customer %s is void: the first purchase was refunded in full within its return window"
			.formatted(referral.referrerId);
		for (int i = out.size() - 1; i >= 0; i--) {
			if (out.get(i) instanceof PointsTransaction entry
					&& entry.getKind() == PointsTransactionKind.REVERSE_EARN) {
				out.set(i, PointsTransaction.newBuilder(entry).setExplanation(entry.getExplanation() + note).build());
				return;
			}
		}
	}

	private static InvalidEventException refused(ReferralRegistered referral, String reason) {
		return new InvalidEventException("Referral %s of customer %s by customer %s refused: %s"
			.formatted(referral.getEventId(), referral.getCustomerId(), referral.getReferrerId(), reason));
	}

}
