package io.loyaltypulse.purchase.ingest;

import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.support.publishing.PublishedTopics;
import io.loyaltypulse.support.security.EndpointScopes;
import io.loyaltypulse.support.security.Scopes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * What this service declares to {@code service-support}: the scope of each endpoint, and
 * the topics it publishes to.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

	/**
	 * One scope per endpoint; a batch may mix purchases and invoices, so its items are
	 * checked one by one ({@link IngestService}) and a forbidden item does not refuse the
	 * others.
	 */
	@Bean
	EndpointScopes ingestEndpoints() {
		return EndpointScopes.builder()
			.require(HttpMethod.POST, "/api/v1/purchases", Scopes.PURCHASES_WRITE)
			.require(HttpMethod.POST, "/api/v1/purchases/{orderId}/refunds", Scopes.PURCHASES_WRITE)
			.require(HttpMethod.POST, "/api/v1/invoices", Scopes.INVOICES_WRITE)
			.require(HttpMethod.POST, "/api/v1/invoices/{invoiceId}/payments", Scopes.INVOICES_WRITE)
			.require(HttpMethod.POST, "/api/v1/invoices/{invoiceId}/cancellation", Scopes.INVOICES_WRITE)
			.authenticated(HttpMethod.POST, "/api/v1/events:batch")
			.build();
	}

	@Bean
	PublishedTopics publishedTopics() {
		return PublishedTopics.of(EventTopics.PURCHASES, EventTopics.INVOICES);
	}

}
