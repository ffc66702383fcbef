package io.loyaltypulse.churn;

import io.loyaltypulse.support.security.EndpointScopes;
import io.loyaltypulse.support.security.Scopes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The scope each endpoint of churn-alert-service needs; {@code service-support}'s
 * security enforces it, and answers 401 or 403 as problems.
 */
@Configuration(proxyBeanMethods = false)
public class ChurnEndpoints {

	@Bean
	EndpointScopes churnEndpointScopes() {
		return EndpointScopes.builder()
			.require(HttpMethod.GET, "/api/v1/alerts", Scopes.ALERTS_READ)
			.require(HttpMethod.GET, "/api/v1/alerts/{alertId}", Scopes.ALERTS_READ)
			.require(HttpMethod.POST, "/api/v1/alerts/{alertId}/acknowledge", Scopes.ALERTS_WRITE)
			.require(HttpMethod.POST, "/api/v1/alerts/{alertId}/snooze", Scopes.ALERTS_WRITE)
			.require(HttpMethod.POST, "/api/v1/alerts/{alertId}/resolve", Scopes.ALERTS_WRITE)
			.require(HttpMethod.POST, "/api/v1/alerts/{alertId}/assign", Scopes.ALERTS_WRITE)
			.require(HttpMethod.POST, "/api/v1/alerts/{alertId}/comments", Scopes.ALERTS_WRITE)
			.require(HttpMethod.GET, "/api/v1/customers/{customerId}/profile", Scopes.ALERTS_READ)
			.require(HttpMethod.GET, "/api/v1/silence-model", Scopes.ALERTS_READ)
			.require(HttpMethod.GET, "/api/v1/scorecard/figures", Scopes.ALERTS_READ)
			.require(HttpMethod.GET, "/api/v1/scorecard/slices", Scopes.ALERTS_READ)
			.require(HttpMethod.POST, "/api/v1/webhooks", Scopes.WEBHOOKS_ADMIN)
			.require(HttpMethod.GET, "/api/v1/webhooks", Scopes.WEBHOOKS_ADMIN)
			.require(HttpMethod.GET, "/api/v1/webhooks/{webhookId}", Scopes.WEBHOOKS_ADMIN)
			.require(HttpMethod.DELETE, "/api/v1/webhooks/{webhookId}", Scopes.WEBHOOKS_ADMIN)
			.require(HttpMethod.POST, "/api/v1/webhooks/{webhookId}/secret", Scopes.WEBHOOKS_ADMIN)
			.require(HttpMethod.POST, "/api/v1/webhooks/{webhookId}/enable", Scopes.WEBHOOKS_ADMIN)
			.require(HttpMethod.GET, "/api/v1/webhooks/{webhookId}/deliveries", Scopes.WEBHOOKS_ADMIN)
			.require(HttpMethod.POST, "/api/v1/webhooks/{webhookId}/replay", Scopes.WEBHOOKS_ADMIN)
			.build();
	}

}
