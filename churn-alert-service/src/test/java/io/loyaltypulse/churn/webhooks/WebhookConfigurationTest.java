package io.loyaltypulse.churn.webhooks;

import java.time.Duration;

import io.loyaltypulse.support.streams.StreamsProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookConfigurationTest {

	@Test
	void shouldJoinTheDeliveryGroupAsAStaticMemberUnderTheStreamsInstanceId() {
		KafkaProperties kafka = new KafkaProperties();
		kafka.getStreams().setApplicationId("churn-alert-service");
		assertThat(WebhookConfiguration.deliveryConsumerConfigs(kafka, streams("churn-alert-service-0")))
			.containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "churn-alert-service-webhooks")
			.containsEntry(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, "churn-alert-service-0")
			.doesNotContainKey(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG);
	}

	@Test
	void shouldJoinAsADynamicMemberWithoutAnInstanceId() {
		KafkaProperties kafka = new KafkaProperties();
		assertThat(WebhookConfiguration.deliveryConsumerConfigs(kafka, streams("")))
			.containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "churn-alert-service-webhooks")
			.doesNotContainKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
	}

	private static StreamsProperties streams(String instanceId) {
		return new StreamsProperties("127.0.0.1", instanceId, Duration.ofSeconds(30), Duration.ofSeconds(2),
				Duration.ofSeconds(5));
	}

}
