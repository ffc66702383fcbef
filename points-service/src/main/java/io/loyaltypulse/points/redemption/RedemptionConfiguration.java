package io.loyaltypulse.points.redemption;

import java.time.Clock;
import java.util.Map;

import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.points.config.PointsProperties;
import io.loyaltypulse.points.topology.PointsTopics;
import io.loyaltypulse.support.kafka.DurableProducers;
import io.loyaltypulse.support.requestreply.ReplyListener;
import io.loyaltypulse.support.requestreply.ReplyWaiters;
import io.loyaltypulse.support.requestreply.RequestReplyClient;
import io.loyaltypulse.support.streams.StreamsProperties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Redemptions and adjustments as request/reply over Kafka: a durable producer of
 * {@code points-requests}, the listener of {@code points-request-outcomes} (health
 * {@code outcomeListener}, part of readiness), and the waiters that join them.
 */
@Configuration(proxyBeanMethods = false)
class RedemptionConfiguration {

	@Bean
	ReplyWaiters<PointsRequestOutcome> outcomeWaiters() {
		return new ReplyWaiters<>(PointsRequestOutcome::getRequestId, PointsRequestOutcome::getAttemptId);
	}

	@Bean
	ReplyListener<PointsRequestOutcome> outcomeListener(KafkaProperties kafka, PointsTopics topics,
			ReplyWaiters<PointsRequestOutcome> outcomeWaiters) {
		return new ReplyListener<>("points-outcomes", kafka, topics.outcomes().name(),
				topics.outcomes().valueSerde().deserializer(), outcomeWaiters);
	}

	@Bean(destroyMethod = "close")
	Producer<String, SpecificRecord> requestProducer(KafkaProperties kafka, PointsTopics topics,
			PointsProperties properties) {
		// send() blocks while it has no metadata: never longer than a whole call may
		// take.
		Map<String, Object> overrides = Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG,
				properties.requestTimeout().toMillis(), ProducerConfig.CLIENT_ID_CONFIG, "points-requests");
		return DurableProducers.producer(kafka, overrides, new StringSerializer(),
				topics.requests().valueSerde().serializer());
	}

	@Bean
	PointsRequestGateway pointsRequestGateway(Producer<String, SpecificRecord> requestProducer,
			ReplyWaiters<PointsRequestOutcome> outcomeWaiters, ReplyListener<PointsRequestOutcome> outcomeListener,
			PointsTopics topics, PointsProperties properties, StreamsProperties streams, Clock clock) {
		RequestReplyClient<SpecificRecord, PointsRequestOutcome> client = new RequestReplyClient<>(requestProducer,
				outcomeWaiters, outcomeListener::isReady, properties.requestTimeout(), streams.retryAfter(),
				System::nanoTime);
		return new PointsRequestGateway(client, topics.requests().name(), clock);
	}

}
