package io.loyaltypulse.purchase.publishing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.core.MicrometerProducerListener;

/**
 * The producer: Spring Boot's {@code spring.kafka.*} configuration, with the durability
 * settings this service promises enforced, and the topic catalogue's Avro serializers
 * configured from {@code spring.kafka.properties.*} (Confluent's registry keys) and
 * {@code loyalty.topics.*}.
 */
@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

	@Bean
	TopicCatalogue topicCatalogue(KafkaProperties kafka, Environment environment) {
		Map<String, Object> configs = new HashMap<>(kafka.getProperties());
		Binder.get(environment)
			.bind("loyalty.topics", Bindable.mapOf(String.class, String.class))
			.ifBound((topics) -> topics.forEach((key, value) -> configs.put(TopicCatalogue.NAME_PREFIX + key, value)));
		return new TopicCatalogue(configs);
	}

	@Bean
	ProducerFactory<String, SpecificRecord> eventProducerFactory(KafkaProperties kafka, TopicCatalogue topics,
			MeterRegistry meters) {
		Map<String, Object> configs = durable(kafka.buildProducerProperties());
		Map<String, Serializer<SpecificRecord>> serializers = new HashMap<>();
		for (Topic<String, SpecificRecord> topic : List.of(topics.purchases(), topics.invoices())) {
			serializers.put(topic.name(), topic.valueSerde().serializer());
		}
		DefaultKafkaProducerFactory<String, SpecificRecord> factory = new DefaultKafkaProducerFactory<>(configs,
				new StringSerializer(), new TopicRoutingSerializer(serializers));
		factory.addListener(new MicrometerProducerListener<>(meters));
		return factory;
	}

	/**
	 * A 202 promises that the event is stored on every in-sync replica and will not be
	 * duplicated by the producer's own retries; a configuration that weakens this is
	 * refused at start-up rather than silently overridden.
	 */
	static Map<String, Object> durable(Map<String, Object> configs) {
		Object acks = configs.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
		if (acks != null && !"all".equals(String.valueOf(acks)) && !"-1".equals(String.valueOf(acks))) {
			throw new ConfigException(ProducerConfig.ACKS_CONFIG, acks,
					"purchase-service answers 202 only for events on every in-sync replica: use acks=all");
		}
		Object idempotence = configs.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		if (idempotence != null && !Boolean.parseBoolean(String.valueOf(idempotence))) {
			throw new ConfigException(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotence,
					"purchase-service needs the idempotent producer, so that its retries never duplicate an event");
		}
		validateAsKafkaDoes(configs);
		return configs;
	}

	/**
	 * Kafka's own checks of the producer configuration, at start-up rather than on the
	 * first send: with idempotence, for example, {@code retries=0} or
	 * {@code max.in.flight.requests.per.connection} above 5 are refused. The serializers
	 * are instances given to the producer factory, so stand-ins satisfy the check, as a
	 * stand-in address does when none is configured (Spring Boot always sets one).
	 */
	private static void validateAsKafkaDoes(Map<String, Object> configs) {
		Map<String, Object> check = new HashMap<>(configs);
		check.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
		check.putIfAbsent(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		check.putIfAbsent(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try {
			new ProducerConfig(check);
		}
		catch (ConfigException ex) {
			throw new ConfigException("purchase-service refuses an unsafe producer configuration (a 202 promises an "
					+ "event stored once on every in-sync replica): " + ex.getMessage());
		}
	}

	@Bean
	KafkaTemplate<String, SpecificRecord> eventKafkaTemplate(ProducerFactory<String, SpecificRecord> factory) {
		return new KafkaTemplate<>(factory);
	}

	@Bean
	EventPublisher eventPublisher(KafkaTemplate<String, SpecificRecord> eventKafkaTemplate, TopicCatalogue topics,
			PublishingProperties properties, MeterRegistry meters) {
		return new EventPublisher(eventKafkaTemplate, topics, properties, meters);
	}

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka, PublishingProperties properties) {
		return new KafkaHealthIndicator(kafka.buildAdminProperties(), properties.healthTimeout());
	}

}
