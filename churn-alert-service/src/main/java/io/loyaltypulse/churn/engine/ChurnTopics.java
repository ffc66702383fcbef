package io.loyaltypulse.churn.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.events.ChurnAlertActionOutcome;
import io.loyaltypulse.events.ChurnAlertActionRequested;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

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
	 * then the outcomes, which only this service's listener reads, and the webhooks'
	 * compacted topics.
	 */
	public static List<NewTopic> newTopics(TopicCatalogue catalogue) {
		List<NewTopic> topics = new ArrayList<>(catalogue.newTopics(List.of(EventTopics.PURCHASES, EventTopics.INVOICES,
				EventTopics.SURVEY_RESPONSES, EventTopics.COMPLAINTS, EventTopics.POINTS_LEDGER,
				EventTopics.CHURN_ALERT_ACTIONS, EventTopics.CHURN_ALERTS), true));
		topics.addAll(catalogue.newTopics(List.of(EventTopics.CHURN_ALERT_ACTION_OUTCOMES), false));
		// The webhooks' state: compacted, the latest record of each subscription and
		// delivery; failed deliveries on the dead-letter topic.
		topics.addAll(catalogue.newTopics(List.of(EventTopics.WEBHOOK_SUBSCRIPTIONS), false)
			.stream()
			.map((topic) -> topic
				.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))
			.toList());
		List<NewTopic> deliveries = catalogue.newTopics(List.of(EventTopics.WEBHOOK_DELIVERIES), true);
		deliveries.getFirst().configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
		topics.addAll(deliveries);
		return topics;
	}

}
