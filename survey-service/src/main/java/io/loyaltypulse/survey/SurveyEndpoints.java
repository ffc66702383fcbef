package io.loyaltypulse.survey;

import io.loyaltypulse.support.security.EndpointScopes;
import io.loyaltypulse.support.security.Scopes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The scope each endpoint of survey-service needs; {@code service-support}'s security
 * enforces it, and answers 401 or 403 as problems. Everything else needs credentials too,
 * but health, info and prometheus.
 */
@Configuration(proxyBeanMethods = false)
public class SurveyEndpoints {

	/**
	 * A batch may mix survey answers and complaints, so its items are checked one by one
	 * and a forbidden item does not refuse the others.
	 */
	@Bean
	EndpointScopes surveyEndpointScopes() {
		return EndpointScopes.builder()
			.require(HttpMethod.POST, "/api/v1/survey-responses", Scopes.SURVEYS_WRITE)
			.require(HttpMethod.POST, "/api/v1/complaints", Scopes.COMPLAINTS_WRITE)
			.require(HttpMethod.POST, "/api/v1/complaints/{complaintId}/resolution", Scopes.COMPLAINTS_WRITE)
			.authenticated(HttpMethod.POST, "/api/v1/events:batch")
			.require(HttpMethod.GET, "/api/v1/nps", Scopes.NPS_READ)
			.require(HttpMethod.GET, "/api/v1/nps/trend", Scopes.NPS_READ)
			.require(HttpMethod.GET, "/api/v1/nps/breakdown", Scopes.NPS_READ)
			.require(HttpMethod.GET, "/api/v1/complaints/kpis", Scopes.NPS_READ)
			.build();
	}

}
