package io.loyaltypulse.support.publishing;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.schemas.topics.TopicDefinition;
import io.loyaltypulse.support.idempotency.IdempotencyProperties;
import io.loyaltypulse.support.idempotency.RecentEventIds;
import io.loyaltypulse.support.kafka.DurableProducers;
import io.loyaltypulse.support.kafka.SupportKafkaAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * For a service that declares {@link PublishedTopics}: the durable producer behind an
 * {@link EventPublisher} (202 only after Kafka's acknowledgement, 503 with Retry-After
 * when Kafka or the registry is away), and the window of recently accepted event ids.
 */
@AutoConfiguration(after = SupportKafkaAutoConfiguration.class)
@ConditionalOnBean(PublishedTopics.class)
@EnableConfigurationProperties({ PublishingProperties.class, IdempotencyProperties.class })
public class SupportPublishingAutoConfiguration {

	@Bean
	KafkaTemplate<String, SpecificRecord> eventKafkaTemplate(KafkaProperties kafka, TopicCatalogue catalogue,
			PublishedTopics published, MeterRegistry meters) {
		Map<String, Serializer<SpecificRecord>> serializers = new HashMap<>();
		for (TopicDefinition<?> topic : published.topics()) {
			serializers.put(catalogue.name(topic), valueSerializer(catalogue, topic));
		}
		return new KafkaTemplate<>(DurableProducers.factory(kafka, Map.of(), new StringSerializer(),
				new TopicRoutingSerializer(serializers), meters));
	}

	@Bean
	EventPublisher eventPublisher(KafkaTemplate<String, SpecificRecord> eventKafkaTemplate, TopicCatalogue catalogue,
			PublishingProperties properties, MeterRegistry meters) {
		return new EventPublisher(eventKafkaTemplate, catalogue, properties, meters);
	}

	@Bean
	RecentEventIds recentEventIds(IdempotencyProperties properties, Clock clock) {
		return new RecentEventIds(properties, clock);
	}

	/** Every event schema is a specific record: the cast only forgets which one. */
	@SuppressWarnings("unchecked")
	private static Serializer<SpecificRecord> valueSerializer(TopicCatalogue catalogue, TopicDefinition<?> topic) {
		return (Serializer<SpecificRecord>) catalogue.topic(topic).valueSerde().serializer();
	}

}
