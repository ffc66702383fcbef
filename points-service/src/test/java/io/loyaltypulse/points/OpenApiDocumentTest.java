package io.loyaltypulse.points;

import java.util.Map;

import io.loyaltypulse.points.config.PointsProperties;
import io.loyaltypulse.points.query.AccountQueries;
import io.loyaltypulse.points.redemption.PointsRequestGateway;
import io.loyaltypulse.support.security.EndpointScopes;
import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.testsupport.OpenApiDocumentContract;
import io.loyaltypulse.testsupport.TestApiKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * points-service's OpenAPI 3.1 document, checked as test-support's
 * {@link OpenApiDocumentContract} says: served as committed, to authenticated callers
 * only, describing exactly the mapped operations with the scopes enforced.
 */
@WebMvcTest
@Import(PointsEndpoints.class)
@EnableConfigurationProperties(PointsProperties.class)
@TestPropertySource(properties = { "loyalty.security.api-keys[0].name=reader",
		"loyalty.security.api-keys[0].sha256=" + TestApiKeys.POINTS_READ_ONLY_SHA256,
		"loyalty.security.api-keys[0].scopes=points:read" })
class OpenApiDocumentTest extends OpenApiDocumentContract {

	@Autowired
	EndpointScopes scopes;

	@MockitoBean
	InteractiveQueries queries;

	@MockitoBean
	AccountQueries accounts;

	@MockitoBean
	PointsRequestGateway gateway;

	@Override
	protected String apiKey() {
		return TestApiKeys.POINTS_READ_ONLY;
	}

	@Override
	protected Map<String, String> enforcedScopes() {
		return this.scopes.scopeByOperation();
	}

}
