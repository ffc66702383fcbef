package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsAdjustmentRequested;
import io.loyaltypulse.events.PointsRedemptionRequested;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.events.ReferralQualified;
import io.loyaltypulse.events.ReferralRegistered;
import io.loyaltypulse.events.ReviewPublished;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.points.InvalidEventException;
import io.loyaltypulse.points.earning.EarningCalculator;
import io.loyaltypulse.points.tiers.TierTracker;
import org.apache.avro.specific.SpecificRecord;

/**
 * Applies one customer's events to their account, in order, and says what changed:
 * {@code account', entries = rule(event).apply(account as of event.occurredAt, event)}
 * where every change of the balance is one {@link PointsTransaction}, so the balance is
 * the fold of the ledger.
 *
 * <p>
 * The engine only dispatches: each event has its rule ({@link PurchaseEarning},
 * {@link RefundReversal}, {@link SurveyBonus}, {@link ReviewBonus}, {@link Referrals},
 * {@link ReferralReward}, {@link Redemptions}, {@link Adjustments}), which first lets the
 * {@link Timeline} apply what fell due before the event (expiry, tier periods).
 *
 * <p>
 * Pure and single-threaded: no Kafka, no clock. The account is the customer's hot state,
 * the {@link CustomerHistory} their orders, processed ids and decided requests. Time is
 * the event's time (or the punctuator's), which is what makes a replay produce the same
 * ledger. A rejected event ({@link InvalidEventException}) may leave the account
 * half-changed: callers apply events to a freshly read account and store it only on
 * success.
 */
public final class PointsEngine {

	/**
	 * The largest administrator's adjustment either way (10^12 points); the HTTP API
	 * refuses a larger one before it is sent.
	 */
	public static final long MAX_ADJUSTMENT_POINTS = 1_000_000_000_000L;

	private final Timeline timeline;

	private final PurchaseEarning purchases;

	private final RefundReversal refunds;

	private final SurveyBonus surveyBonus;

	private final Redemptions redemptions;

	private final Adjustments adjustments;

	private final ReviewBonus reviewBonus;

	private final Referrals referrals;

	private final ReferralReward referralReward;

	private final AccountSummaries summaries;

	public PointsEngine(EarningCalculator earning, TierTracker tiers, LedgerPolicy policy) {
		Lots lots = new Lots(policy.expiryMonths());
		RequestDecisions decisions = new RequestDecisions();
		RefundOfSpentPoints spentPoints = new RefundOfSpentPoints(policy.negativeBalancePolicy());
		this.timeline = new Timeline(new Expiry(policy.expiryMonths()), tiers,
				new ReferralQualification(policy.engagements(), lots));
		this.purchases = new PurchaseEarning(earning, tiers, lots, this.timeline, policy.returnWindow());
		this.refunds = new RefundReversal(lots, this.timeline, tiers, spentPoints);
		this.surveyBonus = new SurveyBonus(policy.surveyBonusPoints(), lots, this.timeline);
		this.redemptions = new Redemptions(decisions, lots, this.timeline);
		this.adjustments = new Adjustments(decisions, lots, this.timeline);
		this.summaries = new AccountSummaries(this.timeline, tiers);
		this.reviewBonus = new ReviewBonus(policy.engagements(), lots, this.timeline, spentPoints);
		this.referrals = new Referrals(this.timeline, policy.returnWindow());
		this.referralReward = new ReferralReward(policy.engagements(), lots, this.timeline);
	}

	/**
	 * Applies an input event: a purchase, refund, survey response, review, referral,
	 * qualified referral (the referrer's side) or points request. An event whose id was
	 * processed before changes nothing (a repeated request is answered again with its
	 * first outcome). Purchases and refunds are recognised by their order's record, which
	 * keeps the ids of the events that changed it; the others by the history's processed
	 * ids.
	 * @return the ledger entries, request outcomes and tier events, in order
	 */
	public List<SpecificRecord> apply(CustomerAccount account, CustomerHistory history, SpecificRecord event) {
		List<SpecificRecord> out = new ArrayList<>();
		switch (event) {
			case PurchaseCompleted purchase -> {
				this.purchases.apply(account, history, purchase, out);
				this.referrals.purchased(account, purchase);
			}
			case PurchaseRefunded refund -> {
				this.refunds.apply(account, history, refund, out);
				this.reviewBonus.takeBack(account, history, refund, out);
				this.referrals.refunded(account, history, refund, out);
			}
			case SurveyResponded response -> this.surveyBonus.apply(account, history, response, out);
			case ReviewPublished review -> this.reviewBonus.apply(account, history, review, out);
			case ReferralRegistered referral -> this.referrals.apply(account, history, referral, out);
			case ReferralQualified qualified -> this.referralReward.apply(account, history, qualified, out);
			case PointsRedemptionRequested request -> this.redemptions.apply(account, history, request, out);
			case PointsAdjustmentRequested request -> this.adjustments.apply(account, history, request, out);
			default ->
				throw new InvalidEventException("points-service does not handle " + event.getSchema().getFullName());
		}
		return out;
	}

	/**
	 * Applies what is due up to {@code until} without an input event: lots expire, tier
	 * periods end, downgrade warnings are sent. Called by the punctuator.
	 */
	public List<SpecificRecord> advance(CustomerAccount account, Instant until) {
		List<SpecificRecord> out = new ArrayList<>();
		this.timeline.advance(account, until, out);
		return out;
	}

	/** When the account next has something due (epoch millis), or Long.MAX_VALUE. */
	public long nextDue(CustomerAccount account) {
		return this.timeline.nextDue(account);
	}

	/**
	 * The balances as of {@code at}, for queries: what is due by then (expiry, tier
	 * periods) is applied first, to the given account only, so pass a freshly read one
	 * and do not store it.
	 */
	public PointsSummary summarize(CustomerAccount account, Instant at, int expiringWithinDays) {
		return this.summaries.summarize(account, at, expiringWithinDays);
	}

}
