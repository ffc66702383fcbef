package io.loyaltypulse.support.publishing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loyalty.publishing.*}.
 *
 * @param ackTimeout a safety net on waiting for Kafka's acknowledgement: the producer's
 * {@code delivery.timeout.ms} already bounds it, so this is only reached if that bound is
 * broken; keep it above {@code max.block.ms + delivery.timeout.ms}
 * @param retryAfter what the 503's Retry-After header advises
 */
@ConfigurationProperties("loyalty.publishing")
public record PublishingProperties(@DefaultValue("10s") Duration ackTimeout, @DefaultValue("5s") Duration retryAfter) {

}
