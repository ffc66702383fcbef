package io.loyaltypulse.support.kafka;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.loyaltypulse.schemas.topics.TopicCatalogue;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The topic catalogue of {@code schemas}, configured once for every service: topic names
 * from {@code loyalty.topics.*}, the registry from {@code spring.kafka.properties.*}
 * (Confluent's keys); the creation of the topics a service declares
 * ({@link ServiceTopics}); and the {@code kafka} health check.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(SupportKafkaProperties.class)
public class SupportKafkaAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TopicCatalogue topicCatalogue(KafkaProperties kafka, Environment environment) {
		Map<String, Object> configs = new HashMap<>(kafka.getProperties());
		Binder.get(environment)
			.bind("loyalty.topics", Bindable.mapOf(String.class, String.class))
			.ifBound((topics) -> topics.forEach((key, value) -> configs.put(TopicCatalogue.NAME_PREFIX + key, value)));
		return new TopicCatalogue(configs);
	}

	/** Event-time checks and time windows read time here, so that tests can fix it. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnBean(ServiceTopics.class)
	TopicSetup topicSetup(KafkaProperties kafka, SupportKafkaProperties properties, ServiceTopics topics) {
		return new TopicSetup(kafka, properties, topics);
	}

	/** Shown as {@code kafka}; part of the readiness group of every service. */
	@Bean("kafkaHealthIndicator")
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaProperties kafka, SupportKafkaProperties properties,
			Environment environment) {
		return new KafkaClusterHealthIndicator(kafka.buildAdminProperties(),
				environment.getProperty("spring.application.name", "loyalty-pulse") + "-health",
				properties.healthTimeout());
	}

}
