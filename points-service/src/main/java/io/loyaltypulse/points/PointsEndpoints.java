package io.loyaltypulse.points;

import io.loyaltypulse.support.security.EndpointScopes;
import io.loyaltypulse.support.security.Scopes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The scope each endpoint of points-service needs; {@code service-support}'s security
 * enforces it, and answers 401 or 403 as problems. Everything else needs credentials too,
 * but health, info and prometheus.
 */
@Configuration(proxyBeanMethods = false)
public class PointsEndpoints {

	@Bean
	EndpointScopes pointsEndpointScopes() {
		return EndpointScopes.builder()
			.require(HttpMethod.GET, "/api/v1/customers/{customerId}/points", Scopes.POINTS_READ)
			.require(HttpMethod.GET, "/api/v1/customers/{customerId}/points/transactions", Scopes.POINTS_READ)
			.require(HttpMethod.POST, "/api/v1/customers/{customerId}/redemptions", Scopes.POINTS_REDEEM)
			.require(HttpMethod.POST, "/api/v1/admin/customers/{customerId}/adjustments", Scopes.POINTS_ADMIN)
			.build();
	}

}
