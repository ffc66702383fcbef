package io.loyaltypulse.purchase.ingest;

import io.loyaltypulse.support.security.EndpointScopes;
import io.loyaltypulse.support.security.Scopes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The scope each endpoint of purchase-service needs; {@code service-support}'s security
 * enforces it, and answers 401 or 403 as problems.
 */
@Configuration(proxyBeanMethods = false)
public class IngestEndpoints {

	/**
	 * One scope per endpoint; a batch may mix purchases and invoices, so its items are
	 * checked one by one (service-support's {@code IngestService}) and a forbidden item
	 * does not refuse the others.
	 */
	@Bean
	EndpointScopes ingestEndpointScopes() {
		return EndpointScopes.builder()
			.require(HttpMethod.POST, "/api/v1/purchases", Scopes.PURCHASES_WRITE)
			.require(HttpMethod.POST, "/api/v1/purchases/{orderId}/refunds", Scopes.PURCHASES_WRITE)
			.require(HttpMethod.POST, "/api/v1/invoices", Scopes.INVOICES_WRITE)
			.require(HttpMethod.POST, "/api/v1/invoices/{invoiceId}/payments", Scopes.INVOICES_WRITE)
			.require(HttpMethod.POST, "/api/v1/invoices/{invoiceId}/cancellation", Scopes.INVOICES_WRITE)
			.require(HttpMethod.POST, "/api/v1/reviews", Scopes.PURCHASES_WRITE)
			.require(HttpMethod.POST, "/api/v1/referrals", Scopes.PURCHASES_WRITE)
			.authenticated(HttpMethod.POST, "/api/v1/events:batch")
			.build();
	}

}
