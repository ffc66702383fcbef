package io.loyaltypulse.points.redemption;

import java.time.Duration;

import io.loyaltypulse.events.PointsRequestStatus;
import io.loyaltypulse.points.PointsEndpoints;
import io.loyaltypulse.points.config.PointsProperties;
import io.loyaltypulse.support.idempotency.IdempotencyKeyHeader;
import io.loyaltypulse.support.requestreply.ReplyUnavailableException;
import io.loyaltypulse.testsupport.TestApiKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The HTTP contract of redemptions and adjustments: status codes, bodies and RFC 9457
 * problems, with the gateway to Kafka mocked.
 */
@WebMvcTest(controllers = PointsRequestController.class)
@Import(PointsEndpoints.class)
@EnableConfigurationProperties(PointsProperties.class)
@TestPropertySource(properties = { "loyalty.security.api-keys[0].name=admin",
		"loyalty.security.api-keys[0].sha256=" + TestApiKeys.ALL_SCOPES_SHA256,
		"loyalty.security.api-keys[0].scopes=points:read,points:redeem,points:admin",
		"loyalty.security.api-keys[1].name=shop",
		"loyalty.security.api-keys[1].sha256=" + TestApiKeys.INVOICES_ONLY_SHA256,
		"loyalty.security.api-keys[1].scopes=points:read,points:redeem" })
class PointsRequestControllerTest {

	private static final String REDEMPTIONS = "/api/v1/customers/c-1/redemptions";

	private static final String ADJUSTMENTS = "/api/v1/admin/customers/c-1/adjustments";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	PointsRequestGateway gateway;

	@Test
	void shouldAnswer200WithTheNewBalanceWhenApproved() throws Exception {
		given(this.gateway.redeem(eq("c-1"), eq("key-1"), any()))
			.willReturn(Outcomes.outcome("r-1", 1, PointsRequestStatus.APPROVED));

		MvcTestResult result = redeem("key-1", "{\"points\": 100, \"orderId\": \"o-1\"}");

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"requestId": "r-1", "decision": "APPROVED", "points": 100, "available": 400, "pending": 50,
				 "explanation": "explained APPROVED", "transactionId": "r-1:tx"}
				""");
	}

	@Test
	void shouldAnswer409ProblemWhenTooFewPointsAreAvailable() throws Exception {
		given(this.gateway.redeem(any(), any(), any()))
			.willReturn(Outcomes.outcome("r-1", 1, PointsRequestStatus.INSUFFICIENT_POINTS));

		MvcTestResult result = redeem("key-1", "{\"points\": 100}");

		// "status" is the HTTP status, as RFC 9457 has it; the decision is "decision".
		assertThat(result).hasStatus(HttpStatus.CONFLICT)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.isLenientlyEqualTo(
					"""
							{"type": "https://loyaltypulse.io/problems/insufficient-points", "status": 409, "decision": "INSUFFICIENT_POINTS",
							 "detail": "explained INSUFFICIENT_POINTS", "available": 400}
							""");
	}

	@Test
	void shouldAnswer422ProblemWhenTheKeyWasUsedForAnotherRequest() throws Exception {
		given(this.gateway.redeem(any(), any(), any()))
			.willReturn(Outcomes.outcome("r-1", 2, PointsRequestStatus.IDEMPOTENCY_CONFLICT));

		MvcTestResult result = redeem("key-1", "{\"points\": 100}");

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://loyaltypulse.io/problems/idempotency-conflict");
	}

	@Test
	void shouldAnswer400ProblemWhenTheTopologyFindsTheRequestInvalid() throws Exception {
		given(this.gateway.redeem(any(), any(), any()))
			.willReturn(Outcomes.outcome("r-1", 1, PointsRequestStatus.INVALID));

		MvcTestResult result = redeem("key-1", "{\"points\": 100}");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.decision").isEqualTo("INVALID");
	}

	@Test
	void shouldAnswer503WithRetryAfterSayingTheOutcomeIsUnknownAndHowToLearnIt() throws Exception {
		given(this.gateway.redeem(any(), any(), any()))
			.willThrow(ReplyUnavailableException.unknown("no outcome within PT10S", Duration.ofSeconds(1)));

		MvcTestResult result = redeem("key-1", "{\"points\": 100}");

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.headers()
			.hasValue("Retry-After", "1");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("outcome of this request is unknown", "may still be applied",
					"Retry with the same Idempotency-Key", "never applies it twice");
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://loyaltypulse.io/problems/outcome-unknown");
	}

	@Test
	void shouldAnswer503SayingNothingWasAppliedWhenTheRequestWasNotSent() throws Exception {
		given(this.gateway.redeem(any(), any(), any()))
			.willThrow(ReplyUnavailableException.notSent("replies are not being read", Duration.ofSeconds(1)));

		MvcTestResult result = redeem("key-1", "{\"points\": 100}");

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).headers().hasValue("Retry-After", "1");
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("not sent", "applied nothing", "Retry with the same Idempotency-Key");
	}

	@Test
	void shouldAnswer400ProblemNamingTheMissingIdempotencyKeyHeader() {
		MvcTestResult result = this.mvc.post()
			.uri(REDEMPTIONS)
			.header("X-Api-Key", TestApiKeys.INVOICES_ONLY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"points\": 100}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].header").isEqualTo("Idempotency-Key");
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldAnswer400ProblemNamingTheMissingPoints() {
		MvcTestResult result = redeem("key-1", "{\"orderId\": \"o-1\"}");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("points");
		assertThat(result).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/points");
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldAnswer400ProblemNamingPointsThatAreNotPositive() {
		MvcTestResult result = redeem("key-1", "{\"points\": 0}");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/points");
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldAnswer401ProblemWithoutCredentials() {
		MvcTestResult result = this.mvc.post()
			.uri(REDEMPTIONS)
			.header(IdempotencyKeyHeader.NAME, "key-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"points\": 100}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldAnswer403ToAnAdjustmentWithAKeyWithoutPointsAdmin() {
		MvcTestResult result = adjust(TestApiKeys.INVOICES_ONLY, adjustment());

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.requiredScope").isEqualTo("points:admin");
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldAnswer401ToAnAdjustmentWithAnUnknownKey() {
		MvcTestResult result = adjust("not-a-key", adjustment());

		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldAdjustWithTheAdministratorsKey() throws Exception {
		given(this.gateway.adjust(eq("c-1"), eq("key-1"), any()))
			.willReturn(Outcomes.outcome("r-1", 1, PointsRequestStatus.APPROVED));

		MvcTestResult result = adjust(TestApiKeys.ALL_SCOPES, adjustment());

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.decision").isEqualTo("APPROVED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2.5", "\"5\"", "1e3", "1.0", "9223372036854775808", "100000000000000000000000000000",
			"true", "null", "[100]", "{\"n\": 1}" })
	void shouldRefuseARedemptionWhosePointsAreNotAWholeNumberInsteadOfCoercingThem(String points) {
		MvcTestResult result = redeem("key-1", "{\"points\": " + points + "}");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/points");
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldRefuseUnknownFieldsNamingEachOneWhateverItsValue() {
		MvcTestResult result = redeem("key-1", "{\"points\": 100, \"extra\": {\"a\": [1, 2]}, \"more\": [3]}");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson()
			.extractingPath("$.errors[*].pointer")
			.asArray()
			.containsExactlyInAnyOrder("/extra", "/more");
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldRefuseADuplicateKeyAndSayWhichWithoutJacksonInternals() {
		MvcTestResult result = redeem("key-1", "{\"points\": 1, \"points\": 100000}");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("points").doesNotContain("Json");
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldRefuseABodyNestedDeeperThanAnyRequestWith400NotA500() {
		MvcTestResult result = redeem("key-1", "[".repeat(500) + "]".repeat(500));

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("https://loyaltypulse.io/problems/malformed");
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldRefuseABodyLargerThanTheLimitWith413() {
		MvcTestResult result = redeem("key-1", "{\"points\": 100, \"description\": \"" + "x".repeat(10_000) + "\"}");

		assertThat(result).hasStatus(HttpStatus.CONTENT_TOO_LARGE)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldRefuseAnIdOrDescriptionLongerThan200Characters() {
		MvcTestResult result = redeem("key-1", "{\"points\": 100, \"orderId\": \"" + "o".repeat(201) + "\"}");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/orderId");
		verifyNoInteractions(this.gateway);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " " })
	void shouldRefuseAnEmptyOrBlankIdempotencyKeyNamingTheHeader(String key) {
		MvcTestResult result = redeem(key, "{\"points\": 100}");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].header").isEqualTo("Idempotency-Key");
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldRefuseABodyThatIsNotSentAsJsonWith415() {
		MvcTestResult result = this.mvc.post()
			.uri(REDEMPTIONS)
			.header(IdempotencyKeyHeader.NAME, "key-1")
			.header("X-Api-Key", TestApiKeys.INVOICES_ONLY)
			.contentType(MediaType.TEXT_PLAIN)
			.content("{\"points\": 100}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.gateway);
	}

	@ParameterizedTest
	@ValueSource(longs = { Long.MIN_VALUE, Long.MAX_VALUE, -1_000_000_000_001L, 1_000_000_000_001L, 0 })
	void shouldRefuseAnAdjustmentOutsideTheBoundsThatKeepEveryBalanceFromOverflowing(long points) {
		MvcTestResult result = adjust(TestApiKeys.ALL_SCOPES,
				"{\"points\": " + points + ", \"reason\": \"fix\", \"actor\": \"admin-7\"}");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/points");
		verifyNoInteractions(this.gateway);
	}

	private MvcTestResult redeem(String idempotencyKey, String body) {
		return this.mvc.post()
			.uri(REDEMPTIONS)
			.header(IdempotencyKeyHeader.NAME, idempotencyKey)
			.header("X-Api-Key", TestApiKeys.INVOICES_ONLY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult adjust(String apiKey, String body) {
		return this.mvc.post()
			.uri(ADJUSTMENTS)
			.header(IdempotencyKeyHeader.NAME, "key-1")
			.header("X-Api-Key", apiKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private static String adjustment() {
		return "{\"points\": -20, \"reason\": \"double charge\", \"actor\": \"admin-7\"}";
	}

}
