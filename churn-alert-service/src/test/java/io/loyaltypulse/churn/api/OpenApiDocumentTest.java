package io.loyaltypulse.churn.api;

import java.time.Clock;
import java.util.Map;

import io.loyaltypulse.churn.ChurnEndpoints;
import io.loyaltypulse.churn.alerts.AlertLifecycle;
import io.loyaltypulse.churn.config.ChurnProperties;
import io.loyaltypulse.churn.dashboard.DashboardProperties;
import io.loyaltypulse.churn.model.SilenceModel;
import io.loyaltypulse.churn.scorecard.ScorecardFigures;
import io.loyaltypulse.churn.webhooks.Webhooks;
import io.loyaltypulse.support.security.EndpointScopes;
import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.testsupport.OpenApiDocumentContract;
import io.loyaltypulse.testsupport.TestApiKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * churn-alert-service's OpenAPI 3.1 document, checked as test-support's
 * {@link OpenApiDocumentContract} says: served as committed, to authenticated callers
 * only, describing exactly the mapped operations with the scopes enforced.
 */
// The dashboard's pages are not part of the API the document describes.
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "io\\.loyaltypulse\\.churn\\.dashboard\\..*"))
@Import(ChurnEndpoints.class)
@EnableConfigurationProperties({ ChurnProperties.class, DashboardProperties.class })
@TestPropertySource(properties = { "loyalty.security.api-keys[0].name=reader",
		"loyalty.security.api-keys[0].sha256=" + TestApiKeys.ALL_SCOPES_SHA256,
		"loyalty.security.api-keys[0].scopes=alerts:read" })
class OpenApiDocumentTest extends OpenApiDocumentContract {

	@Autowired
	EndpointScopes scopes;

	@MockitoBean
	ManagerActions actions;

	@MockitoBean
	InteractiveQueries queries;

	@MockitoBean
	AlertLifecycle lifecycle;

	@MockitoBean
	SilenceModel model;

	@MockitoBean
	Clock clock;

	@MockitoBean
	Webhooks webhooks;

	@MockitoBean
	ScorecardFigures scorecardFigures;

	@Override
	protected String apiKey() {
		return TestApiKeys.ALL_SCOPES;
	}

	@Override
	protected Map<String, String> enforcedScopes() {
		return this.scopes.scopeByOperation();
	}

}
