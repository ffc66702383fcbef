package io.loyaltypulse.schemas.topics;

import java.util.List;

import io.loyaltypulse.events.ChurnAlertActionOutcome;
import io.loyaltypulse.events.ChurnAlertActionRequested;
import io.loyaltypulse.events.ChurnAlertCleared;
import io.loyaltypulse.events.ChurnAlertEscalated;
import io.loyaltypulse.events.ChurnAlertRaised;
import io.loyaltypulse.events.ChurnAlertResolved;
import io.loyaltypulse.events.ChurnAlertUpdated;
import io.loyaltypulse.events.ComplaintFiled;
import io.loyaltypulse.events.ComplaintResolved;
import io.loyaltypulse.events.InvoiceCancelled;
import io.loyaltypulse.events.InvoiceIssued;
import io.loyaltypulse.events.InvoicePaymentReceived;
import io.loyaltypulse.events.NpsScoreUpdated;
import io.loyaltypulse.events.PointsAdjustmentRequested;
import io.loyaltypulse.events.PointsRedemptionRequested;
import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.events.PointsTierChanged;
import io.loyaltypulse.events.PointsTierDowngradeWarning;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.PurchaseRefunded;
import io.loyaltypulse.events.ReferralQualified;
import io.loyaltypulse.events.ReferralRegistered;
import io.loyaltypulse.events.ReviewPublished;
import io.loyaltypulse.events.SurveyInvitationDue;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.events.WebhookDelivery;
import io.loyaltypulse.events.WebhookSubscription;
import org.apache.avro.specific.SpecificRecord;

/**
 * The event topics and their value schemas: the one place where topic names and the
 * events they carry are defined. All are keyed by customer id, as plain strings, but
 * {@link #NPS_SCORES}, which is keyed by the NPS slice.
 */
public final class EventTopics {

	/**
	 * Purchases and their refunds, in order per customer, so that a refund never
	 * overtakes its purchase.
	 */
	public static final TopicDefinition<SpecificRecord> PURCHASES = TopicDefinition.union("purchases",
			PurchaseCompleted.class, PurchaseRefunded.class);

	/** Invoices, their payments and cancellations, in order per customer. */
	public static final TopicDefinition<SpecificRecord> INVOICES = TopicDefinition.union("invoices",
			InvoiceIssued.class, InvoicePaymentReceived.class, InvoiceCancelled.class);

	/** NPS survey answers. */
	public static final TopicDefinition<SurveyResponded> SURVEY_RESPONSES = TopicDefinition.of("survey-responses",
			SurveyResponded.class);

	/** Complaints and their resolutions, in order per customer. */
	public static final TopicDefinition<SpecificRecord> COMPLAINTS = TopicDefinition.union("complaints",
			ComplaintFiled.class, ComplaintResolved.class);

	/**
	 * The points ledger: every change of a points balance, with the rule that caused it.
	 */
	public static final TopicDefinition<PointsTransaction> POINTS_LEDGER = TopicDefinition.of("points-ledger",
			PointsTransaction.class);

	/**
	 * Redemption and adjustment requests, in order per customer, for the points topology
	 * that decides them.
	 */
	public static final TopicDefinition<SpecificRecord> POINTS_REQUESTS = TopicDefinition.union("points-requests",
			PointsRedemptionRequested.class, PointsAdjustmentRequested.class);

	/** The decision on each points request, awaited by the HTTP call that made it. */
	public static final TopicDefinition<PointsRequestOutcome> POINTS_REQUEST_OUTCOMES = TopicDefinition
		.of("points-request-outcomes", PointsRequestOutcome.class);

	/** Tier upgrades, downgrades and downgrade warnings. */
	public static final TopicDefinition<SpecificRecord> POINTS_TIER_EVENTS = TopicDefinition.union("points-tier-events",
			PointsTierChanged.class, PointsTierDowngradeWarning.class);

	/**
	 * The answer counts of each NPS slice and UTC day after a change, keyed by the slice
	 * (for example {@code store=S1}), not by a customer.
	 */
	public static final TopicDefinition<NpsScoreUpdated> NPS_SCORES = TopicDefinition.of("nps-scores",
			NpsScoreUpdated.class);

	/** Post-purchase survey invitations that fell due, for the platform's survey tool. */
	public static final TopicDefinition<SurveyInvitationDue> SURVEY_INVITATIONS = TopicDefinition
		.of("survey-invitations", SurveyInvitationDue.class);

	/**
	 * Every change of every churn alert, in order per customer: raised, updated,
	 * escalated, cleared, resolved; each carries the alert as it stands.
	 */
	public static final TopicDefinition<SpecificRecord> CHURN_ALERTS = TopicDefinition.union("churn-alerts",
			ChurnAlertRaised.class, ChurnAlertUpdated.class, ChurnAlertEscalated.class, ChurnAlertCleared.class,
			ChurnAlertResolved.class);

	/**
	 * Managers' actions on alerts, for the churn topology (the single writer of alerts)
	 * to apply.
	 */
	public static final TopicDefinition<ChurnAlertActionRequested> CHURN_ALERT_ACTIONS = TopicDefinition
		.of("churn-alert-actions", ChurnAlertActionRequested.class);

	/** The decision on each alert action, awaited by the HTTP call that made it. */
	public static final TopicDefinition<ChurnAlertActionOutcome> CHURN_ALERT_ACTION_OUTCOMES = TopicDefinition
		.of("churn-alert-action-outcomes", ChurnAlertActionOutcome.class);

	/**
	 * What customers do besides buying that earns points: reviews after moderation and
	 * referrals, keyed by the customer who acted (the reviewer, the new customer).
	 */
	public static final TopicDefinition<SpecificRecord> ENGAGEMENTS = TopicDefinition.union("engagements",
			ReviewPublished.class, ReferralRegistered.class);

	/**
	 * Qualified referrals re-keyed by the referrer, so that the referrer's bonus is
	 * credited by the task that owns the referrer's account; written and read by
	 * points-service, co-partitioned with its inputs.
	 */
	public static final TopicDefinition<ReferralQualified> POINTS_REFERRAL_REWARDS = TopicDefinition
		.of("points-referral-rewards", ReferralQualified.class);

	/**
	 * The CRM webhook subscriptions of churn-alert-service, compacted: the latest record
	 * of each subscription id is the subscription (a deleted one is marked DELETED).
	 */
	public static final TopicDefinition<WebhookSubscription> WEBHOOK_SUBSCRIPTIONS = TopicDefinition
		.of("webhook-subscriptions", WebhookSubscription.class);

	/**
	 * Every churn-alert change to deliver to a webhook subscription, with its attempts,
	 * compacted by delivery id and written on the partition of the alert's customer, so
	 * that a restarted instance resumes the pending ones; its dead-letter topic holds the
	 * deliveries that failed for good.
	 */
	public static final TopicDefinition<WebhookDelivery> WEBHOOK_DELIVERIES = TopicDefinition.of("webhook-deliveries",
			WebhookDelivery.class);

	private EventTopics() {
	}

	/** Every topic defined here, in a stable order. */
	public static List<TopicDefinition<?>> all() {
		return List.of(PURCHASES, INVOICES, SURVEY_RESPONSES, COMPLAINTS, POINTS_LEDGER, POINTS_REQUESTS,
				POINTS_REQUEST_OUTCOMES, POINTS_TIER_EVENTS, NPS_SCORES, SURVEY_INVITATIONS, CHURN_ALERTS,
				CHURN_ALERT_ACTIONS, CHURN_ALERT_ACTION_OUTCOMES, ENGAGEMENTS, POINTS_REFERRAL_REWARDS,
				WEBHOOK_SUBSCRIPTIONS, WEBHOOK_DELIVERIES);
	}

}
