package io.loyaltypulse.purchase.publishing;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PublishingConfigurationTest {

	@Test
	void shouldDefaultToAcksAllAndTheIdempotentProducer() {
		Map<String, Object> configs = PublishingConfiguration.durable(new HashMap<>());

		assertThat(configs).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
	}

	@Test
	void shouldRefuseToStartWithWeakerDurability() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> PublishingConfiguration.durable(new HashMap<>(Map.of(ProducerConfig.ACKS_CONFIG, "1"))))
			.withMessageContaining("acks=all");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> PublishingConfiguration
				.durable(new HashMap<>(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false"))))
			.withMessageContaining("idempotent");
	}

	@Test
	void shouldAcceptMinusOneAsAcksAll() {
		assertThat(PublishingConfiguration.durable(new HashMap<>(Map.of(ProducerConfig.ACKS_CONFIG, "-1"))))
			.containsEntry(ProducerConfig.ACKS_CONFIG, "-1");
	}

}
