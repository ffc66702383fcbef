package io.loyaltypulse.survey;

import java.time.Clock;
import java.util.Map;

import io.loyaltypulse.support.ingest.BatchController;
import io.loyaltypulse.support.ingest.BatchIngest;
import io.loyaltypulse.support.ingest.EventIngest;
import io.loyaltypulse.support.ingest.IngestedEvents;
import io.loyaltypulse.support.security.EndpointScopes;
import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.survey.config.NpsProperties;
import io.loyaltypulse.survey.query.NpsReports;
import io.loyaltypulse.testsupport.OpenApiDocumentContract;
import io.loyaltypulse.testsupport.TestApiKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * survey-service's OpenAPI 3.1 document, checked as test-support's
 * {@link OpenApiDocumentContract} says: served as committed, to authenticated callers
 * only, describing exactly the mapped operations with the scopes enforced.
 */
@WebMvcTest
@Import({ SurveyEndpoints.class, BatchController.class })
@EnableConfigurationProperties(NpsProperties.class)
@TestPropertySource(properties = { "loyalty.security.api-keys[0].name=reader",
		"loyalty.security.api-keys[0].sha256=" + TestApiKeys.ALL_SCOPES_SHA256,
		"loyalty.security.api-keys[0].scopes=nps:read" })
class OpenApiDocumentTest extends OpenApiDocumentContract {

	@Autowired
	EndpointScopes scopes;

	@MockitoBean
	EventIngest ingest;

	@MockitoBean
	BatchIngest batches;

	@MockitoBean
	IngestedEvents events;

	@MockitoBean
	InteractiveQueries queries;

	@MockitoBean
	NpsReports reports;

	@MockitoBean
	Clock clock;

	@Override
	protected String apiKey() {
		return TestApiKeys.ALL_SCOPES;
	}

	@Override
	protected Map<String, String> enforcedScopes() {
		return this.scopes.scopeByOperation();
	}

}
