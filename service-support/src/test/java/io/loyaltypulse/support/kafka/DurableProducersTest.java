package io.loyaltypulse.support.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DurableProducersTest {

	@Test
	void shouldDefaultToAcksAllAndTheIdempotentProducer() {
		Map<String, Object> configs = DurableProducers.durable(new HashMap<>());

		assertThat(configs).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
	}

	@Test
	void shouldRefuseToStartWithWeakerDurability() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> DurableProducers.durable(new HashMap<>(Map.of(ProducerConfig.ACKS_CONFIG, "1"))))
			.withMessageContaining("acks=all");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> DurableProducers
				.durable(new HashMap<>(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false"))))
			.withMessageContaining("idempotent");
	}

	@Test
	void shouldRefuseToStartWithRetriesOrInFlightRequestsThatBreakTheIdempotentProducer() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> DurableProducers.durable(new HashMap<>(Map.of(ProducerConfig.RETRIES_CONFIG, 0))))
			.withMessageContaining("retries");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> DurableProducers
				.durable(new HashMap<>(Map.of(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "10"))))
			.withMessageContaining(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
	}

	@Test
	void shouldAcceptTheServicesOwnDefaultsAndSafeRetrySettings() {
		Map<String, Object> configs = new HashMap<>(Map.of(ProducerConfig.RETRIES_CONFIG, "3",
				ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
				5000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, ProducerConfig.LINGER_MS_CONFIG, 2));
		assertThat(DurableProducers.durable(configs)).containsEntry(ProducerConfig.RETRIES_CONFIG, "3");
	}

	@Test
	void shouldAcceptMinusOneAsAcksAll() {
		assertThat(DurableProducers.durable(new HashMap<>(Map.of(ProducerConfig.ACKS_CONFIG, "-1"))))
			.containsEntry(ProducerConfig.ACKS_CONFIG, "-1");
	}

}
