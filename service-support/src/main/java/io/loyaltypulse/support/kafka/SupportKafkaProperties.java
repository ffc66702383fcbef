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
 * @param maxEventAge the oldest event time the platform accepts (purchase-service's
 * {@code max-past-age}): record timestamps are event times, so every topic must keep a
 * record at least this long after its timestamp, or a backfilled event is deleted before
 * it is read
 * @param verifyTopics check at start-up that the service's topics keep records that long,
 * and refuse to start when one does not
 */
@ConfigurationProperties("loyalty.kafka")
public record SupportKafkaProperties(@DefaultValue("2s") Duration healthTimeout,
		@DefaultValue("true") boolean provisionTopics, @DefaultValue("30s") Duration adminTimeout,
		@DefaultValue("3650d") Duration maxEventAge, @DefaultValue("true") boolean verifyTopics) {

	/**
	 * What a topic created here keeps its records for: the oldest accepted event time and
	 * a year more, so that a consumer that lags or was down still reads a backfilled
	 * event.
	 */
	public Duration topicRetention() {
		return this.maxEventAge.plus(Duration.ofDays(365));
	}

}
