package io.loyaltypulse.churn.webhooks;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loyalty.webhooks.*}: CRM webhooks of churn alerts.
 *
 * @param enabled whether the delivery worker runs
 * @param dashboardBaseUrl the dashboard's address; an alert's link is this + /alerts/{id}
 * (the dashboard serves /dashboard/alerts/{id})
 * @param allowedPrivateNetworks CIDR blocks of private, loopback or link-local addresses
 * that endpoints may still resolve to (the local stack: 127.0.0.1/32)
 * @param retrySchedule the delay before each attempt of a delivery
 * @param jitter the fraction each delay may vary either way
 * @param maxRetryAfter the longest Retry-After honoured
 * @param secretOverlap how long a rotated-out secret still signs
 * @param connectTimeout the longest wait for a connection to an endpoint
 * @param requestTimeout the longest wait for an endpoint's answer
 * @param pollInterval how often the worker looks for due deliveries when idle
 * @param recentDeliveries the finished deliveries kept (and listed) per subscription
 * @param subscriptions subscriptions from configuration, each with its secret
 */
@ConfigurationProperties("loyalty.webhooks")
public record WebhookProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("http://127.0.0.1:8084/dashboard") String dashboardBaseUrl,
		@DefaultValue List<String> allowedPrivateNetworks, @DefaultValue( {
				"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h" }) List<Duration> retrySchedule,
		@DefaultValue("0.1") double jitter, @DefaultValue("10h") Duration maxRetryAfter,
		@DefaultValue("24h") Duration secretOverlap, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("200ms") Duration pollInterval,
		@DefaultValue("100") int recentDeliveries, @DefaultValue List<Configured> subscriptions){

	/**
	 * A subscription from configuration.
	 *
	 * @param id its id
	 * @param url the endpoint
	 * @param eventTypes the event types delivered, none for all
	 * @param minSeverity the lowest severity delivered
	 * @param stores the stores delivered, none for all
	 * @param format standard or slack
	 * @param secret its secret ({@code whsec_...}), from the environment or a secret
	 * store
	 */
	public record Configured(String id, String url, List<String> eventTypes, String minSeverity, List<String> stores,
			@DefaultValue("standard") String format, String secret) {

		@Override
		public String toString() {
			return "Configured[id=" + this.id + "]";
		}

	}

}
