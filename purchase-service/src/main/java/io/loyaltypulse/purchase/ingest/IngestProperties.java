package io.loyaltypulse.purchase.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code loyalty.ingest.*}.
 *
 * @param maxRequestSize largest body of a single-event request (413 beyond)
 * @param maxFutureSkew how far in the future an {@code occurredAt} may be, for clocks
 * that run ahead; anything later is refused as absurd
 * @param batch limits of {@code POST /api/v1/events:batch}
 */
@ConfigurationProperties("loyalty.ingest")
record IngestProperties(@DefaultValue("64KB") DataSize maxRequestSize, @DefaultValue("5m") Duration maxFutureSkew,
		@DefaultValue Batch batch) {

	/**
	 * @param maxEvents most events in one batch
	 * @param maxRequestSize largest batch body (413 beyond)
	 */
	record Batch(@DefaultValue("1000") int maxEvents, @DefaultValue("5MB") DataSize maxRequestSize) {
	}

}
