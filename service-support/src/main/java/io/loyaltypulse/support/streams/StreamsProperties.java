package io.loyaltypulse.support.streams;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loyalty.streams.*}: how a Kafka Streams service runs among its instances.
 *
 * @param advertisedHost the host other instances reach this one on
 * ({@code application.server}, with the web server's port)
 * @param instanceId static group membership ({@code group.instance.id}), for example the
 * pod name of a StatefulSet: an instance that restarts within the session timeout gets
 * its tasks back without a rebalance, and one killed is replaced as soon as it is back;
 * blank for dynamic membership
 * @param closeTimeout how long shutdown waits for the topology to commit and close
 * @param retryAfter what a 503 during a rebalance or restore advises
 * @param forwardTimeout how long a query forwarded to the owning instance may take
 */
@ConfigurationProperties("loyalty.streams")
public record StreamsProperties(@DefaultValue("127.0.0.1") String advertisedHost, @DefaultValue("") String instanceId,
		@DefaultValue("30s") Duration closeTimeout, @DefaultValue("2s") Duration retryAfter,
		@DefaultValue("5s") Duration forwardTimeout) {

}
