package io.loyaltypulse.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service's OpenAPI 3.1 document must be, for the service's own
 * {@code @WebMvcTest} to extend: the committed document
 * ({@code src/main/resources/static/openapi.yaml}) is what the service serves, to
 * authenticated callers only, and it describes exactly the operations the controllers
 * map, each with the scope the security configuration enforces ({@code x-required-scope};
 * none where any authenticated caller may call).
 */
public abstract class OpenApiDocumentContract {

	private static final Path DOCUMENT = Path.of("src/main/resources/static/openapi.yaml");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private RequestMappingHandlerMapping mappings;

	/** A key the test configured, with any scope. */
	protected abstract String apiKey();

	/**
	 * "METHOD /path pattern" to the scope the service's {@code EndpointScopes} require.
	 */
	protected abstract Map<String, String> enforcedScopes();

	@Test
	void shouldServeTheCommittedDocumentToAuthenticatedCallersOnly() throws IOException {
		String committed = Files.readString(DOCUMENT, StandardCharsets.UTF_8);

		MvcTestResult anonymous = this.mvc.get().uri("/openapi.yaml").exchange();
		MvcTestResult served = this.mvc.get().uri("/openapi.yaml").header("X-Api-Key", apiKey()).exchange();

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
		assertThat(documentedOperations()).isEqualTo(enforcedScopes());
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
