package io.loyaltypulse.support.streams;

import org.apache.kafka.streams.KafkaStreams;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while the topology runs or rebalances; DOWN once it stopped or failed (a bug stops
 * it on purpose: see {@link ManagedStreams}). Shown as {@code kafkaStreams}, part of
 * readiness.
 */
class KafkaStreamsHealthIndicator implements HealthIndicator {

	private final ManagedStreams streams;

	KafkaStreamsHealthIndicator(ManagedStreams streams) {
		this.streams = streams;
	}

	@Override
	public Health health() {
		KafkaStreams.State state = this.streams.streams().map(KafkaStreams::state).orElse(null);
		if (state == null) {
			return Health.down().withDetail("state", "NOT_STARTED").build();
		}
		Health.Builder health = (state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED) ? Health.up()
				: Health.down();
		return health.withDetail("state", state.name()).build();
	}

}
