package io.loyaltypulse.schemas.topics;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicCatalogueTest {

	@Test
	void shouldNameTopicsByTheirKeyUnlessConfigured() {
		TopicCatalogue catalogue = new TopicCatalogue(
				Map.of("schema.registry.url", "mock://names", "loyalty.topics.purchases", "shop-a.purchases"));

		assertThat(catalogue.purchases().name()).isEqualTo("shop-a.purchases");
		assertThat(catalogue.purchases().deadLetterTopic()).isEqualTo("shop-a.purchases.DLT");
		assertThat(catalogue.surveyResponses().name()).isEqualTo("survey-responses");
		assertThat(catalogue.npsScores().name()).isEqualTo("nps-scores");
		assertThat(catalogue.surveyInvitations().name()).isEqualTo("survey-invitations");
		assertThat(catalogue.engagements().name()).isEqualTo("engagements");
	}

	@Test
	void shouldDeclareEachTopicAndItsDeadLetterTopicWithTheConfiguredLayout() {
		TopicCatalogue catalogue = new TopicCatalogue(
				Map.of("loyalty.topics.partitions", "12", "loyalty.topics.replication-factor", "3"));

		List<NewTopic> topics = catalogue.newTopics(EventTopics.all(), true);

		assertThat(topics).extracting(NewTopic::name)
			.containsExactly("purchases", "purchases.DLT", "invoices", "invoices.DLT", "survey-responses",
					"survey-responses.DLT", "complaints", "complaints.DLT", "points-ledger", "points-ledger.DLT",
					"points-requests", "points-requests.DLT", "points-request-outcomes", "points-request-outcomes.DLT",
					"points-tier-events", "points-tier-events.DLT", "nps-scores", "nps-scores.DLT",
					"survey-invitations", "survey-invitations.DLT", "churn-alerts", "churn-alerts.DLT",
					"churn-alert-actions", "churn-alert-actions.DLT", "churn-alert-action-outcomes",
					"churn-alert-action-outcomes.DLT", "engagements", "engagements.DLT", "points-referral-rewards",
					"points-referral-rewards.DLT", "webhook-subscriptions", "webhook-subscriptions.DLT",
					"webhook-deliveries", "webhook-deliveries.DLT");
		assertThat(topics).allSatisfy((topic) -> {
			assertThat(topic.numPartitions()).isEqualTo(12);
			assertThat(topic.replicationFactor()).isEqualTo((short) 3);
		});
	}

	@Test
	void shouldDefaultToSixPartitionsAndTheBrokerReplicationFactor() {
		NewTopic topic = new TopicCatalogue(Map.of()).newTopic("x");

		assertThat(topic.numPartitions()).isEqualTo(6);
		assertThat(topic.replicationFactor()).isEqualTo((short) -1);
		assertThat(topic.name()).isEqualTo("x");
	}

	@Test
	void shouldRejectNonsenseLayouts() {
		assertThatThrownBy(() -> new TopicCatalogue(Map.of("loyalty.topics.partitions", "0")).partitions())
			.isInstanceOf(ConfigException.class)
			.hasMessageContaining("loyalty.topics.partitions");
		assertThatThrownBy(() -> new TopicCatalogue(Map.of("loyalty.topics.replication-factor", "many")).newTopic("x"))
			.hasMessageContaining("whole number");
	}

}
