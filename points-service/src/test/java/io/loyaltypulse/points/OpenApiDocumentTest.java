package io.loyaltypulse.points;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.loyaltypulse.points.config.PointsProperties;
import io.loyaltypulse.points.query.AccountQueries;
import io.loyaltypulse.points.redemption.PointsRequestGateway;
import io.loyaltypulse.support.security.EndpointScopes;
import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.testsupport.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed OpenAPI 3.1 document is what the service serves, to authenticated callers
 * only, and it describes exactly the operations the controllers map, each with the scope
 * the security configuration enforces.
 */
@WebMvcTest
@Import(PointsEndpoints.class)
@EnableConfigurationProperties(PointsProperties.class)
@TestPropertySource(properties = { "loyalty.security.api-keys[0].name=reader",
		"loyalty.security.api-keys[0].sha256=" + TestApiKeys.POINTS_READ_ONLY_SHA256,
		"loyalty.security.api-keys[0].scopes=points:read" })
class OpenApiDocumentTest {

	private static final Path DOCUMENT = Path.of("src/main/resources/static/openapi.yaml");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RequestMappingHandlerMapping mappings;

	@Autowired
	EndpointScopes scopes;

	@MockitoBean
	InteractiveQueries queries;

	@MockitoBean
	AccountQueries accounts;

	@MockitoBean
	PointsRequestGateway gateway;

	@Test
	void shouldServeTheCommittedDocumentToAuthenticatedCallersOnly() throws IOException {
		String committed = Files.readString(DOCUMENT, StandardCharsets.UTF_8);

		MvcTestResult anonymous = this.mvc.get().uri("/openapi.yaml").exchange();
		MvcTestResult served = this.mvc.get()
			.uri("/openapi.yaml")
			.header("X-Api-Key", TestApiKeys.POINTS_READ_ONLY)
			.exchange();

		assertThat(anonymous).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(served).hasStatusOk();
		assertThat(served.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(committed);
	}

	@Test
	void shouldDescribeEveryMappedOperationAndNoOther() throws IOException {
		assertThat(documentedOperations().keySet()).containsExactlyInAnyOrderElementsOf(mappedOperations());
	}

	@Test
	void shouldNameForEachOperationTheScopeThatIsEnforced() throws IOException {
		Map<String, String> enforced = new HashMap<>();
		this.scopes.rules().forEach((rule) -> enforced.put(rule.method().name() + " " + rule.pattern(), rule.scope()));

		assertThat(documentedOperations()).isEqualTo(enforced);
	}

	/** "METHOD /path" to its x-required-scope. */
	@SuppressWarnings("unchecked")
	private static Map<String, String> documentedOperations() throws IOException {
		Map<String, Object> document = new Yaml().load(Files.readString(DOCUMENT, StandardCharsets.UTF_8));
		assertThat(document).containsEntry("openapi", "3.1.0");
		Map<String, String> operations = new HashMap<>();
		((Map<String, Map<String, Map<String, Object>>>) document.get("paths"))
			.forEach((path, methods) -> methods.forEach((method, operation) -> operations
				.put(method.toUpperCase() + " " + path, (String) operation.get("x-required-scope"))));
		return operations;
	}

	private Set<String> mappedOperations() {
		Set<String> operations = new HashSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/")) {
					info.getMethodsCondition()
						.getMethods()
						.forEach((method) -> operations.add(method.name() + " " + pattern));
				}
			}
		}
		return operations;
	}

}
