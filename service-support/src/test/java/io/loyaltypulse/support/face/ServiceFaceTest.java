package io.loyaltypulse.support.face;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.loyaltypulse.testsupport.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one face of every service, over real HTTP to a real Tomcat, with raw sockets so
 * that requests reach the server exactly as a careless or hostile client sends them:
 * every refusal is {@code application/problem+json} of the one type scheme, whether
 * Tomcat, Spring Security or Spring MVC refuses it, and no key reaches the log.
 */
@SpringBootTest(classes = FaceTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "loyalty.security.api-keys[0].name=reader",
				"loyalty.security.api-keys[0].sha256=" + TestApiKeys.POINTS_READ_ONLY_SHA256,
				"loyalty.security.api-keys[0].scopes=points:read", "loyalty.security.api-keys[1].name=admin",
				"loyalty.security.api-keys[1].sha256=" + TestApiKeys.ALL_SCOPES_SHA256,
				"loyalty.security.api-keys[1].scopes=points:read,points:admin",
				"spring.kafka.bootstrap-servers=127.0.0.1:1", "loyalty.kafka.health-timeout=100ms" })
@ExtendWith(OutputCaptureExtension.class)
class ServiceFaceTest {

	private static final String PROBLEM_JSON = "Content-Type: application/problem+json";

	@LocalServerPort
	int port;

	@Test
	void shouldAnswer401ProblemWithAChallengeWithoutCredentials() throws IOException {
		String response = send("GET /api/v1/things/t-1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 401").contains(PROBLEM_JSON).contains("WWW-Authenticate: Bearer");
		assertThat(response).contains("\"type\":\"https://loyaltypulse.io/problems/unauthorized\"")
			.contains("X-Api-Key")
			.doesNotContain("SecurityContext");
	}

	@Test
	void shouldAnswer403ProblemNamingTheMissingScope() throws IOException {
		String response = send(post("/api/v1/things", "{\"name\": \"a\"}", TestApiKeys.POINTS_READ_ONLY));

		assertThat(response).startsWith("HTTP/1.1 403")
			.contains(PROBLEM_JSON)
			.contains("\"requiredScope\":\"points:admin\"");
	}

	@Test
	void shouldServeAnAuthorisedCallerAndNameAnOverlongIdInAProblem() throws IOException {
		assertThat(send(get("/api/v1/things/t-1"))).startsWith("HTTP/1.1 200").contains("\"id\":\"t-1\"");

		String response = send(get("/api/v1/things/" + "t".repeat(201)));

		assertThat(response).startsWith("HTTP/1.1 400").contains(PROBLEM_JSON).contains("\"parameter\":\"id\"");
	}

	@Test
	void shouldTakeTheQueryParametersAnEndpointDeclaresEachOnce() throws IOException {
		assertThat(send(get("/api/v1/things/t-1?view=long&owner=o-1"))).startsWith("HTTP/1.1 200")
			.contains("\"view\":\"long\"");

		String unknown = send(get("/api/v1/things/t-1?view=long&colour=red&own%65rs=x"));
		assertThat(unknown).startsWith("HTTP/1.1 400")
			.contains(PROBLEM_JSON)
			.contains("\"parameter\":\"colour\"", "\"parameter\":\"owners\"",
					"is not a parameter of this endpoint (known: view, owner)")
			.doesNotContain("\"parameter\":\"view\"");

		String repeated = send(get("/api/v1/things/t-1?owner=a&owner=b"));
		assertThat(repeated).startsWith("HTTP/1.1 400")
			.contains(PROBLEM_JSON)
			.contains("\"parameter\":\"owner\"", "is given 2 times; give it once");

		String onAWrite = send(post("/api/v1/things?dryRun=true", "{\"name\": \"a\"}", TestApiKeys.ALL_SCOPES));
		assertThat(onAWrite).startsWith("HTTP/1.1 400")
			.contains("\"parameter\":\"dryRun\"", "is not a parameter of this endpoint, which takes none");
	}

	@Test
	void shouldAnswerAnUnknownPathAndAWrongMethodWithProblems() throws IOException {
		assertThat(send(get("/api/v1/nothing-here"))).startsWith("HTTP/1.1 404")
			.contains(PROBLEM_JSON)
			.contains("problems/not-found", "No endpoint at this URL")
			.doesNotContain("static resource");
		assertThat(send(get("/error"))).startsWith("HTTP/1.1 404").contains(PROBLEM_JSON);
		assertThat(send("DELETE /api/v1/things/t-1 HTTP/1.1\r\nHost: x\r\nX-Api-Key: " + TestApiKeys.POINTS_READ_ONLY
				+ "\r\nConnection: close\r\n\r\n"))
			.contains(PROBLEM_JSON);
	}

	@Test
	void shouldKeepHealthOpenAndEveryOtherActuatorEndpointClosed() throws IOException {
		assertThat(send("GET /actuator/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
			.doesNotStartWith("HTTP/1.1 401");
		assertThat(send("GET /actuator/env HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
			.startsWith("HTTP/1.1 401");
		assertThat(send(get("/actuator/env"))).startsWith("HTTP/1.1 404").contains(PROBLEM_JSON);
		assertThat(send(get("/actuator/metrics"))).startsWith("HTTP/1.1 404");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/things/a%00b", "/api/v1/things/a%2Fb", "/api/v1/things/a;b=c",
			"/api/v1/things/../../etc/passwd", "/api/v1/things/%2e%2e/x", "/api/v1/things/a%5Cb", "/api/v1/things/a b",
			"/api/v1/things/\u0007" })
	void shouldAnswerAUrlTomcatOrTheFirewallRefusesWithAProblemThatDoesNotEchoIt(String path) throws IOException {
		String response = send(get(path));

		assertThat(response).startsWith("HTTP/1.1 400")
			.contains(PROBLEM_JSON)
			.contains("https://loyaltypulse.io/problems/");
		assertThat(response).doesNotContain("<html").doesNotContain("etc/passwd");
	}

	@Test
	void shouldAnswerAPathLongerThanTheHeaderLimitWithAProblem() throws IOException {
		String response = send(get("/api/v1/things/" + "x".repeat(10_000)));

		assertThat(response).matches("(?s)HTTP/1.1 4\\d\\d .*").contains(PROBLEM_JSON).doesNotContain("<html");
	}

	@Test
	void shouldAnswerAControlCharacterInAHeaderWithAProblemAndNeverLogTheKey(CapturedOutput output) throws IOException {
		String response = send("GET /api/v1/things/t-1 HTTP/1.1\r\nHost: x\r\nX-Api\u0001Key: "
				+ TestApiKeys.POINTS_READ_ONLY + "\r\nConnection: close\r\n\r\n");
		String nul = send("GET /api/v1/things/t-1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
				+ TestApiKeys.POINTS_READ_ONLY + "\u0000\r\nConnection: close\r\n\r\n");
		String noColon = send(
				"GET /api/v1/things/t-1 HTTP/1.1\r\nHost: x\r\nAuthorization Bearer " + TestApiKeys.POINTS_READ_ONLY
						+ "\r\nX-Bad\u0001: " + TestApiKeys.POINTS_READ_ONLY + "\r\nConnection: close\r\n\r\n");
		String queryKey = send(get("/api/v1/things/t-1?api_key=" + TestApiKeys.POINTS_READ_ONLY + "&x=<script>"));

		assertThat(response).startsWith("HTTP/1.1 400").contains(PROBLEM_JSON);
		assertThat(noColon).startsWith("HTTP/1.1 4").contains(PROBLEM_JSON);
		assertThat(nul).matches("(?s)HTTP/1.1 40[01] .*").contains(PROBLEM_JSON);
		assertThat(queryKey).startsWith("HTTP/1.1 400")
			.contains(PROBLEM_JSON)
			.doesNotContain(TestApiKeys.POINTS_READ_ONLY);
		assertThat(output.getAll()).doesNotContain(TestApiKeys.POINTS_READ_ONLY);
	}

	@Test
	void shouldAnswerABodyThatNestsTooDeepWithAMalformedProblemNotA500() throws IOException {
		String response = send(post("/api/v1/things", "{\"name\": " + "[".repeat(2000) + "]".repeat(2000) + "}",
				TestApiKeys.ALL_SCOPES));

		assertThat(response).startsWith("HTTP/1.1 400").contains(PROBLEM_JSON).contains("problems/malformed");
	}

	@Test
	void shouldNameEveryWrongFieldOfABodyAtOnce() throws IOException {
		String response = send(
				post("/api/v1/things", "{\"name\": 5, \"count\": 2.5, \"extra\": {\"a\": 1}}", TestApiKeys.ALL_SCOPES));

		assertThat(response).startsWith("HTTP/1.1 400")
			.contains(PROBLEM_JSON)
			.contains("\"pointer\":\"/name\"", "\"pointer\":\"/count\"", "\"pointer\":\"/extra\"");
	}

	@Test
	void shouldAnswerABodyOverTheLimitWith413() throws IOException {
		String response = send(
				post("/api/v1/things", "{\"name\": \"" + "n".repeat(5000) + "\"}", TestApiKeys.ALL_SCOPES));

		assertThat(response).startsWith("HTTP/1.1 413").contains(PROBLEM_JSON).contains("\"maxBytes\":4096");
	}

	private static String get(String path) {
		return "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-Api-Key: " + TestApiKeys.POINTS_READ_ONLY
				+ "\r\nConnection: close\r\n\r\n";
	}

	private static String post(String path, String body, String key) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return "POST " + path + " HTTP/1.1\r\nHost: x\r\nX-Api-Key: " + key
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
				+ "\r\nConnection: close\r\n\r\n" + body;
	}

	private String send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
