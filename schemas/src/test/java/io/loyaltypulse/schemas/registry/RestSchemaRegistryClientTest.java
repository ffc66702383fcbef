package io.loyaltypulse.schemas.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.loyaltypulse.events.SurveyResponded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HTTP behaviour a real registry cannot be made to show on demand (5xx, dropped
 * connections), against a real HTTP server on loopback that answers from a script. The
 * happy paths against a real registry are in contract-tests.
 */
class RestSchemaRegistryClientTest {

	private final Deque<Answer> script = new ArrayDeque<>();

	private final List<Request> requests = new ArrayList<>();

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void shouldRegisterAndSendTheSchemaAsConfluentJson() {
		this.script.add(new Answer(200, "{\"id\":42}"));

		int id = client(Map.of()).register("survey-responses-value", SurveyResponded.getClassSchema());

		assertThat(id).isEqualTo(42);
		Request request = this.requests.get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/subjects/survey-responses-value/versions");
		assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
		assertThat(request.body()).startsWith("{\"schema\":\"{\\\"type\\\":\\\"record\\\"");
	}

	@Test
	void shouldAnswerTheExistingIdWhenAnotherClientCreatedTheSubjectAtTheSameMoment() {
		// Apicurio's answer to the second of two concurrent first registrations
		this.script.add(new Answer(409,
				"{\"error_code\":0,\"message\":\"An artifact with ID 'survey-responses-value' in group 'null' already exists.\"}"));
		this.script.add(new Answer(200, "{\"subject\":\"survey-responses-value\",\"id\":42,\"version\":1}"));

		int id = client(Map.of()).register("survey-responses-value", SurveyResponded.getClassSchema());

		assertThat(id).isEqualTo(42);
		assertThat(this.requests).extracting(Request::path)
			.containsExactly("/subjects/survey-responses-value/versions",
					"/subjects/survey-responses-value?deleted=false");
	}

	@Test
	void shouldRetryServerErrorsWithBackoffAndThenSucceed() {
		this.script.add(new Answer(503, "{\"error_code\":50003,\"message\":\"forwarding failed\"}"));
		this.script.add(new Answer(500, "boom"));
		this.script.add(new Answer(200, "{\"schema\":\"\\\"string\\\"\"}"));

		assertThat(client(Map.of()).schemaById(7).getType()).isEqualTo(org.apache.avro.Schema.Type.STRING);
		assertThat(this.requests).hasSize(3);
	}

	@Test
	void shouldGiveUpAfterTheConfiguredRetriesWithTheRegistryMessage() {
		for (int i = 0; i < 5; i++) {
			this.script.add(new Answer(503, "{\"error_code\":50003,\"message\":\"store unavailable\"}"));
		}

		assertThatThrownBy(() -> client(Map.of("max.retries", "2")).schemaById(7))
			.isInstanceOfSatisfying(SchemaRegistryException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(503);
				assertThat(ex.isTransient()).isTrue();
			})
			.hasMessageContaining("store unavailable");
		assertThat(this.requests).hasSize(3);
	}

	@Test
	void shouldNotRetryClientErrorsAndQuoteTheRegistry() {
		this.script.add(new Answer(409,
				"{\"error_code\":409,\"message\":\"Schema being registered is incompatible: READER_FIELD_MISSING_DEFAULT_VALUE tier\"}"));
		this.script.add(new Answer(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}"));

		assertThatThrownBy(() -> client(Map.of()).register("s", SurveyResponded.getClassSchema()))
			.isInstanceOfSatisfying(SchemaRegistryException.class,
					(ex) -> assertThat(ex.isIncompatibleSchema()).isTrue())
			.hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE tier");
		assertThat(this.requests).as("not retried; only asked whether the schema is there")
			.extracting(Request::path)
			.containsExactly("/subjects/s/versions", "/subjects/s?deleted=false");
	}

	@Test
	void shouldFailOverToTheNextUrlWhenOneIsUnreachable() throws IOException {
		this.script.add(new Answer(200, "{\"compatibilityLevel\":\"FULL\"}"));
		String deadUrl = "http://127.0.0.1:" + unusedPort();
		SchemaRegistryConfig config = SchemaRegistryConfig
			.from(Map.of("schema.registry.url", deadUrl + "," + baseUrl(), "retries.wait.ms", "1"));

		assertThat(new RestSchemaRegistryClient(config).globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
	}

	@Test
	void shouldSendBasicAuthFromUserInfo() {
		this.script.add(new Answer(200, "{\"compatibility\":\"BACKWARD\"}"));

		client(Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "loyalty:s3cret"))
			.setCompatibility("purchases-value", CompatibilityLevel.BACKWARD);

		assertThat(this.requests.get(0).authorization()).isEqualTo("Basic bG95YWx0eTpzM2NyZXQ=");
		assertThat(this.requests.get(0).body()).isEqualTo("{\"compatibility\":\"BACKWARD\"}");
		assertThat(this.requests.get(0).path()).isEqualTo("/config/purchases-value");
	}

	@Test
	void shouldReportIncompatibilityWithTheRegistryReasons() {
		this.script.add(new Answer(200, "{\"is_compatible\":false,\"messages\":[\"field tier has no default\"]}"));

		CompatibilityCheck check = client(Map.of()).testCompatibility("s", SurveyResponded.getClassSchema());

		assertThat(check.compatible()).isFalse();
		assertThat(check.messages()).containsExactly("field tier has no default");
		assertThat(this.requests.get(0).path()).isEqualTo("/compatibility/subjects/s/versions/latest?verbose=true");
	}

	@Test
	void shouldTreatASubjectWithoutVersionsAsCompatible() {
		this.script.add(new Answer(404, "{\"error_code\":40401,\"message\":\"Subject 's' not found.\"}"));

		assertThat(client(Map.of()).testCompatibility("s", SurveyResponded.getClassSchema()).compatible()).isTrue();
	}

	@Test
	void shouldEncodeSubjectsInThePath() {
		this.script.add(new Answer(200, "{\"subject\":\"a b/c\",\"version\":3,\"id\":9,\"schema\":\"\\\"long\\\"\"}"));

		RegisteredSchema latest = client(Map.of()).latestVersion("a b/c");

		assertThat(this.requests.get(0).path()).isEqualTo("/subjects/a%20b%2Fc/versions/latest");
		assertThat(latest.version()).isEqualTo(3);
		assertThat(latest.id()).isEqualTo(9);
	}

	private RestSchemaRegistryClient client(Map<String, String> extra) {
		Map<String, Object> configs = new HashMap<>(extra);
		configs.put("schema.registry.url", baseUrl());
		configs.putIfAbsent("retries.wait.ms", "1");
		return new RestSchemaRegistryClient(SchemaRegistryConfig.from(configs));
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.requests.add(new Request(exchange.getRequestMethod(),
				exchange.getRequestURI().getRawPath() + ((exchange.getRequestURI().getRawQuery() != null)
						? "?" + exchange.getRequestURI().getRawQuery() : ""),
				exchange.getRequestHeaders().getFirst("Content-Type"),
				exchange.getRequestHeaders().getFirst("Authorization"),
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
		Answer answer = this.script.isEmpty() ? new Answer(500, "unscripted request") : this.script.poll();
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
		exchange.sendResponseHeaders(answer.status(), body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private static int unusedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private record Answer(int status, String body) {
	}

	private record Request(String method, String path, String contentType, String authorization, String body) {
	}

}
