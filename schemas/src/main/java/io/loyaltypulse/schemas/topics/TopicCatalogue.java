package io.loyaltypulse.schemas.topics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.loyaltypulse.events.ChurnAlertActionOutcome;
import io.loyaltypulse.events.ChurnAlertActionRequested;
import io.loyaltypulse.events.NpsScoreUpdated;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.SurveyInvitationDue;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.events.WebhookDelivery;
import io.loyaltypulse.events.WebhookSubscription;
import io.loyaltypulse.schemas.serde.AvroSerde;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.avro.specific.SpecificRecord;

/**
 * Resolves {@link TopicDefinition}s against one configuration: topic names
 * ({@code loyalty.topics.<key>}, defaulting to the key), serdes configured for the schema
 * registry (Confluent's keys, for example {@code schema.registry.url}), and the topics to
 * create with their partition count and replication factor.
 *
 * <pre>
 * TopicCatalogue topics = new TopicCatalogue(Map.of("schema.registry.url", "http://127.0.0.1:8081"));
 * Topic&lt;String, SpecificRecord&gt; purchases = topics.topic(EventTopics.PURCHASES);
 * </pre>
 */
public final class TopicCatalogue {

	public static final String NAME_PREFIX = "loyalty.topics.";

	/**
	 * Partitions of every topic: equal on all input topics, because the Streams apps join
	 * them.
	 */
	public static final String PARTITIONS = NAME_PREFIX + "partitions";

	/**
	 * Replication factor of new topics; unset means the broker's
	 * {@code default.replication.factor}.
	 */
	public static final String REPLICATION_FACTOR = NAME_PREFIX + "replication-factor";

	public static final int DEFAULT_PARTITIONS = 6;

	private final Map<String, Object> configs;

	public TopicCatalogue(Map<String, ?> configs) {
		this.configs = new HashMap<>(configs);
	}

	/** The configured name of a topic. */
	public String name(TopicDefinition<?> definition) {
		Object name = this.configs.get(NAME_PREFIX + definition.key());
		return (name == null || String.valueOf(name).isBlank()) ? definition.key() : String.valueOf(name).strip();
	}

	/**
	 * The topic with string keys and a value serde that writes the definition's schema
	 * and reads into its generated classes. Each call makes new serdes; services create a
	 * topic once and keep it.
	 */
	public <V> Topic<String, V> topic(TopicDefinition<V> definition) {
		Serde<V> valueSerde = new AvroSerde<>(definition.valueSchema());
		valueSerde.configure(this.configs, false);
		return new Topic<>(name(definition), Serdes.String(), valueSerde);
	}

	public Topic<String, SpecificRecord> purchases() {
		return topic(EventTopics.PURCHASES);
	}

	public Topic<String, SpecificRecord> invoices() {
		return topic(EventTopics.INVOICES);
	}

	public Topic<String, SurveyResponded> surveyResponses() {
		return topic(EventTopics.SURVEY_RESPONSES);
	}

	public Topic<String, SpecificRecord> complaints() {
		return topic(EventTopics.COMPLAINTS);
	}

	/** Keyed by the NPS slice, not by a customer. */
	public Topic<String, NpsScoreUpdated> npsScores() {
		return topic(EventTopics.NPS_SCORES);
	}

	public Topic<String, SurveyInvitationDue> surveyInvitations() {
		return topic(EventTopics.SURVEY_INVITATIONS);
	}

	public Topic<String, PointsTransaction> pointsLedger() {
		return topic(EventTopics.POINTS_LEDGER);
	}

	public Topic<String, SpecificRecord> churnAlerts() {
		return topic(EventTopics.CHURN_ALERTS);
	}

	public Topic<String, ChurnAlertActionRequested> churnAlertActions() {
		return topic(EventTopics.CHURN_ALERT_ACTIONS);
	}

	public Topic<String, ChurnAlertActionOutcome> churnAlertActionOutcomes() {
		return topic(EventTopics.CHURN_ALERT_ACTION_OUTCOMES);
	}

	/** Reviews and referrals, keyed by the customer who acted. */
	public Topic<String, SpecificRecord> engagements() {
		return topic(EventTopics.ENGAGEMENTS);
	}

	/** Webhook subscriptions, keyed by subscription id. */
	public Topic<String, WebhookSubscription> webhookSubscriptions() {
		return topic(EventTopics.WEBHOOK_SUBSCRIPTIONS);
	}

	/** Webhook deliveries, keyed by delivery id on the partition of their customer. */
	public Topic<String, WebhookDelivery> webhookDeliveries() {
		return topic(EventTopics.WEBHOOK_DELIVERIES);
	}

	/**
	 * The topics to create for these definitions, each followed by its dead-letter topic
	 * when asked. A dead-letter topic gets the same partition count, because error
	 * handlers publish a failed record to the partition it came from.
	 */
	public List<NewTopic> newTopics(Collection<TopicDefinition<?>> definitions, boolean withDeadLetterTopics) {
		List<NewTopic> topics = new ArrayList<>();
		for (TopicDefinition<?> definition : definitions) {
			String name = name(definition);
			topics.add(newTopic(name));
			if (withDeadLetterTopics) {
				topics.add(newTopic(name + Topic.DEAD_LETTER_SUFFIX));
			}
		}
		return topics;
	}

	/**
	 * A topic of the given name with the configured partitions and replication factor.
	 */
	public NewTopic newTopic(String name) {
		return new NewTopic(name, Optional.of(partitions()), replicationFactor());
	}

	public int partitions() {
		int partitions = integer(PARTITIONS).orElse(DEFAULT_PARTITIONS);
		if (partitions < 1) {
			throw new ConfigException(PARTITIONS, partitions, "must be at least 1");
		}
		return partitions;
	}

	private Optional<Short> replicationFactor() {
		Optional<Integer> factor = integer(REPLICATION_FACTOR);
		if (factor.isPresent() && (factor.get() < 1 || factor.get() > Short.MAX_VALUE)) {
			throw new ConfigException(REPLICATION_FACTOR, factor.get(), "must be at least 1");
		}
		return factor.map(Integer::shortValue);
	}

	private Optional<Integer> integer(String key) {
		Object value = this.configs.get(key);
		if (value == null || String.valueOf(value).isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Integer.parseInt(String.valueOf(value).strip()));
		}
		catch (NumberFormatException ex) {
			throw new ConfigException(key, value, "must be a whole number");
		}
	}

}
