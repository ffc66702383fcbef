package io.loyaltypulse.points.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.loyaltypulse.points.config.PointsProperties;
import io.loyaltypulse.points.earning.EarningCalculator;
import io.loyaltypulse.points.ledger.PointsEngine;
import io.loyaltypulse.points.tiers.TierTracker;
import io.loyaltypulse.points.topology.PointsTopics;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.schemas.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the points engine from configuration: the topic catalogue (names from
 * {@code loyalty.topics.*}, registry settings from {@code spring.kafka.properties.*}) and
 * the rules from {@code loyalty.points.*}.
 */
@Configuration(proxyBeanMethods = false)
class PointsStreamsConfiguration {

	private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

	@Bean
	TopicCatalogue topicCatalogue(KafkaProperties kafka, Environment environment) {
		Map<String, Object> config = new HashMap<>(kafka.getProperties());
		Binder.get(environment)
			.bind("loyalty.topics", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of())
			.forEach((key, value) -> config.put(TopicCatalogue.NAME_PREFIX + key, value));
		return new TopicCatalogue(config);
	}

	/**
	 * The topics, created with their dead-letter topics when missing before anything uses
	 * them; start-up fails if co-partitioned inputs have different partition counts.
	 */
	@Bean
	PointsTopics pointsTopics(TopicCatalogue catalogue, KafkaProperties kafka, PointsProperties properties) {
		PointsTopics topics = PointsTopics.from(catalogue);
		try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
			if (properties.provisionTopics()) {
				new TopicProvisioner(admin, ADMIN_TIMEOUT).ensure(PointsTopics.newTopics(catalogue));
			}
			CoPartitioning.verify(admin, topics.inputNames(), ADMIN_TIMEOUT);
		}
		return topics;
	}

	@Bean
	PointsEngine pointsEngine(PointsProperties properties) {
		return new PointsEngine(new EarningCalculator(properties.earningRules()),
				new TierTracker(properties.tierRules()), properties.ledgerPolicy());
	}

}
