package io.loyaltypulse.points.redemption;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * UP while the outcome listener reads its topic; DOWN while it starts, reconnects after a
 * failure, or stopped: then every redemption and adjustment call answers 503. Shown as
 * {@code outcomeListener} (the bean name less "HealthIndicator"), part of readiness.
 */
@Component
class OutcomeListenerHealthIndicator implements HealthIndicator {

	private final OutcomeListener listener;

	OutcomeListenerHealthIndicator(OutcomeListener listener) {
		this.listener = listener;
	}

	@Override
	public Health health() {
		return healthOf(this.listener.loop());
	}

	static Health healthOf(OutcomeConsumerLoop loop) {
		Health.Builder health = loop.isReady() ? Health.up() : Health.down();
		health.withDetail("skippedRecords", loop.skippedRecords()).withDetail("failures", loop.failures());
		if (loop.lastFailure() != null) {
			health.withDetail("lastFailure", loop.lastFailure());
		}
		return health.build();
	}

}
