package io.loyaltypulse.points.redemption;

import io.loyaltypulse.events.PointsRequestStatus;
import io.loyaltypulse.points.config.PointsProperties;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
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
@EnableConfigurationProperties(PointsProperties.class)
@TestPropertySource(properties = "loyalty.points.admin-api-key=" + PointsRequestControllerTest.ADMIN_KEY)
class PointsRequestControllerTest {

	static final String ADMIN_KEY = "test-admin-key";

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
							{"type": "urn:loyalty-pulse:points:insufficient_points", "status": 409, "decision": "INSUFFICIENT_POINTS",
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
			.isEqualTo("urn:loyalty-pulse:points:idempotency_conflict");
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
			.willThrow(OutcomeUnavailableException.unknown("no outcome within PT10S"));

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
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:loyalty-pulse:points:outcome-unknown");
	}

	@Test
	void shouldAnswer503SayingNothingWasAppliedWhenTheRequestWasNotSent() throws Exception {
		given(this.gateway.redeem(any(), any(), any()))
			.willThrow(OutcomeUnavailableException.notSent("the outcome listener is not reading outcomes"));

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
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"points\": 100}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("Idempotency-Key");
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldAnswer400ProblemNamingTheMissingPoints() {
		MvcTestResult result = redeem("key-1", "{\"orderId\": \"o-1\"}");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("points");
		assertThat(result).bodyJson().extractingPath("$.invalidFields[0].field").isEqualTo("points");
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldAnswer400ProblemNamingPointsThatAreNotPositive() {
		MvcTestResult result = redeem("key-1", "{\"points\": 0}");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.invalidFields[0].field").isEqualTo("points");
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldAnswer403ToAnAdjustmentWithoutTheAdministratorsKey() {
		MvcTestResult result = this.mvc.post()
			.uri(ADJUSTMENTS)
			.header(PointsRequestController.IDEMPOTENCY_KEY, "key-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content(adjustment())
			.exchange();

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldAnswer403ToAnAdjustmentWithAWrongKey() {
		MvcTestResult result = adjust("not-the-key");

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldAdjustWithTheAdministratorsKey() throws Exception {
		given(this.gateway.adjust(eq("c-1"), eq("key-1"), any()))
			.willReturn(Outcomes.outcome("r-1", 1, PointsRequestStatus.APPROVED));

		MvcTestResult result = adjust(ADMIN_KEY);

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.decision").isEqualTo("APPROVED");
	}

	private MvcTestResult redeem(String idempotencyKey, String body) {
		return this.mvc.post()
			.uri(REDEMPTIONS)
			.header(PointsRequestController.IDEMPOTENCY_KEY, idempotencyKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult adjust(String apiKey) {
		return this.mvc.post()
			.uri(ADJUSTMENTS)
			.header(PointsRequestController.IDEMPOTENCY_KEY, "key-1")
			.header(PointsRequestController.API_KEY, apiKey)
			.contentType(MediaType.APPLICATION_JSON)
			.content(adjustment())
			.exchange();
	}

	private static String adjustment() {
		return "{\"points\": -20, \"reason\": \"double charge\", \"actor\": \"admin-7\"}";
	}

}
