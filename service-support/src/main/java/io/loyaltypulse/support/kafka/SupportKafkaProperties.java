package io.loyaltypulse.support.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loyalty.kafka.*}.
 *
 * @param healthTimeout how long the {@code kafka} health check waits for the cluster
 * @param provisionTopics create missing topics (with their dead-letter topics and the
 * retention their event times need) at start-up
 * @param adminTimeout how long start-up waits for the cluster to describe or create
 * topics
 */
@ConfigurationProperties("loyalty.kafka")
public record SupportKafkaProperties(@DefaultValue("2s") Duration healthTimeout,
		@DefaultValue("true") boolean provisionTopics, @DefaultValue("30s") Duration adminTimeout) {

}
