package io.loyaltypulse.churn.engine;

import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.ChurnAlertActionOutcome;
import io.loyaltypulse.events.ChurnAlertActionRequested;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics the churn engine reads and writes, resolved once against the configuration.
 * The inputs and the actions are keyed by customer and co-partitioned, so one task holds
 * everything about a customer and is the single writer of their alerts.
 */
public record ChurnTopics(Topic<String, SpecificRecord> purchases, Topic<String, SpecificRecord> invoices,
		Topic<String, SurveyResponded> surveyResponses, Topic<String, SpecificRecord> complaints,
		Topic<String, PointsTransaction> pointsLedger, Topic<String, ChurnAlertActionRequested> actions,
		Topic<String, SpecificRecord> alerts, Topic<String, ChurnAlertActionOutcome> outcomes) {

	public static ChurnTopics from(TopicCatalogue catalogue) {
		return new ChurnTopics(catalogue.purchases(), catalogue.invoices(), catalogue.surveyResponses(),
				catalogue.complaints(), catalogue.pointsLedger(), catalogue.churnAlertActions(),
				catalogue.churnAlerts(), catalogue.churnAlertActionOutcomes());
	}

	/** The inputs, keyed by customer and co-partitioned. */
	public List<String> inputs() {
		return List.of(this.purchases.name(), this.invoices.name(), this.surveyResponses.name(), this.complaints.name(),
				this.pointsLedger.name(), this.actions.name());
	}

	/**
	 * The topics to create: the inputs and churn-alerts with their dead-letter topics,
	 * then the outcomes, which only this service's listener reads.
	 */
	public static List<NewTopic> newTopics(TopicCatalogue catalogue) {
		List<NewTopic> topics = new ArrayList<>(catalogue.newTopics(List.of(EventTopics.PURCHASES, EventTopics.INVOICES,
				EventTopics.SURVEY_RESPONSES, EventTopics.COMPLAINTS, EventTopics.POINTS_LEDGER,
				EventTopics.CHURN_ALERT_ACTIONS, EventTopics.CHURN_ALERTS), true));
		topics.addAll(catalogue.newTopics(List.of(EventTopics.CHURN_ALERT_ACTION_OUTCOMES), false));
		return topics;
	}

}
