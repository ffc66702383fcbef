package io.loyaltypulse.support.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loyalty.idempotency.*}: the window of recently accepted event ids.
 *
 * @param window how long an accepted event id is remembered
 * @param maxEntries at most this many ids are remembered; the oldest are forgotten first,
 * so memory stays bounded under any load
 */
@ConfigurationProperties("loyalty.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration window, @DefaultValue("100000") int maxEntries) {

	public IdempotencyProperties {
		if (maxEntries < 1) {
			throw new IllegalArgumentException("loyalty.idempotency.max-entries must be at least 1, not " + maxEntries);
		}
		if (window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("loyalty.idempotency.window must be positive, not " + window);
		}
	}

}
