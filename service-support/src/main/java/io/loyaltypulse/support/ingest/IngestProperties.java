package io.loyaltypulse.support.ingest;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code loyalty.ingest.*}.
 *
 * @param maxRequestSize largest body of a single-event request (413 beyond)
 * @param maxFutureSkew how far in the future an {@code occurredAt} may be, for clocks
 * that run ahead; anything later is refused as absurd
 * @param maxPastAge how far in the past an {@code occurredAt} may be (backfills);
 * anything older, and anything before 1970-01-01T00:00:00Z (a Kafka record timestamp
 * cannot be negative), is refused. A topic's {@code retention.ms} must exceed it.
 * @param batch limits of a batch endpoint ({@code POST /api/v1/events:batch})
 */
@ConfigurationProperties("loyalty.ingest")
public record IngestProperties(@DefaultValue("64KB") DataSize maxRequestSize,
		@DefaultValue("5m") Duration maxFutureSkew, @DefaultValue("3650d") Duration maxPastAge,
		@DefaultValue Batch batch) {

	public IngestProperties {
		if (maxFutureSkew.isNegative()) {
			throw new IllegalArgumentException(
					"loyalty.ingest.max-future-skew must not be negative (got " + maxFutureSkew + ")");
		}
		if (maxPastAge.isNegative() || maxPastAge.isZero()) {
			throw new IllegalArgumentException("loyalty.ingest.max-past-age must be positive, such as 3650d (got "
					+ maxPastAge + "); it must stay below the topics' retention.ms");
		}
	}

	/**
	 * The oldest {@code occurredAt} accepted at {@code now}: {@code now - maxPastAge},
	 * but never before the Unix epoch (Kafka refuses negative record timestamps, and the
	 * events' timestamp-millis must not overflow).
	 */
	public Instant earliestOccurredAt(Instant now) {
		if (maxPastAge.compareTo(Duration.between(Instant.EPOCH, now)) >= 0) {
			return Instant.EPOCH;
		}
		return now.minus(maxPastAge);
	}

	/**
	 * @param maxEvents most events in one batch
	 * @param maxRequestSize largest batch body (413 beyond)
	 */
	public record Batch(@DefaultValue("1000") int maxEvents, @DefaultValue("5MB") DataSize maxRequestSize) {
	}

}
