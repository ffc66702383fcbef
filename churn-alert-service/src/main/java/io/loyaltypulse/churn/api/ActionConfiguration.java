package io.loyaltypulse.churn.api;

import java.time.Clock;
import java.util.Map;

import io.loyaltypulse.churn.config.ChurnProperties;
import io.loyaltypulse.churn.engine.ChurnTopics;
import io.loyaltypulse.events.ChurnAlertActionOutcome;
import io.loyaltypulse.events.ChurnAlertActionRequested;
import io.loyaltypulse.support.kafka.DurableProducers;
import io.loyaltypulse.support.requestreply.ReplyListener;
import io.loyaltypulse.support.requestreply.ReplyWaiters;
import io.loyaltypulse.support.requestreply.RequestReplyClient;
import io.loyaltypulse.support.streams.StreamsProperties;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Alert actions as request/reply over Kafka: a durable producer of
 * {@code churn-alert-actions}, the listener of {@code churn-alert-action-outcomes}
 * (health {@code actionOutcomeListener}, part of readiness), and the waiters that join
 * them.
 */
@Configuration(proxyBeanMethods = false)
class ActionConfiguration {

	@Bean
	ReplyWaiters<ChurnAlertActionOutcome> actionOutcomeWaiters() {
		return new ReplyWaiters<>(ChurnAlertActionOutcome::getRequestId, ChurnAlertActionOutcome::getAttemptId);
	}

	@Bean
	ReplyListener<ChurnAlertActionOutcome> actionOutcomeListener(KafkaProperties kafka, ChurnTopics topics,
			ReplyWaiters<ChurnAlertActionOutcome> actionOutcomeWaiters) {
		return new ReplyListener<>("churn-action-outcomes", kafka, topics.outcomes().name(),
				topics.outcomes().valueSerde().deserializer(), actionOutcomeWaiters);
	}

	@Bean(destroyMethod = "close")
	Producer<String, ChurnAlertActionRequested> actionProducer(KafkaProperties kafka, ChurnTopics topics,
			ChurnProperties properties) {
		// send() blocks while it has no metadata: never longer than a whole call may
		// take.
		Map<String, Object> overrides = Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG,
				properties.actionTimeout().toMillis(), ProducerConfig.CLIENT_ID_CONFIG, "churn-alert-actions");
		return DurableProducers.producer(kafka, overrides, new StringSerializer(),
				topics.actions().valueSerde().serializer());
	}

	@Bean
	AlertActionGateway alertActionGateway(Producer<String, ChurnAlertActionRequested> actionProducer,
			ReplyWaiters<ChurnAlertActionOutcome> actionOutcomeWaiters,
			ReplyListener<ChurnAlertActionOutcome> actionOutcomeListener, ChurnTopics topics,
			ChurnProperties properties, StreamsProperties streams, Clock clock) {
		RequestReplyClient<ChurnAlertActionRequested, ChurnAlertActionOutcome> client = new RequestReplyClient<>(
				actionProducer, actionOutcomeWaiters, actionOutcomeListener::isReady, properties.actionTimeout(),
				streams.retryAfter(), System::nanoTime);
		return new AlertActionGateway(client, topics.actions().name(), clock);
	}

	@Bean
	ManagerActions managerActions(AlertActionGateway alertActionGateway, ChurnProperties properties, Clock clock) {
		return new ManagerActions(alertActionGateway, properties.maxSnooze(), clock);
	}

}
