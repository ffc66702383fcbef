package io.loyaltypulse.points.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.net.ssl.SSLSession;

import io.loyaltypulse.points.config.PointsProperties;
import io.loyaltypulse.points.ledger.PointsSummary;
import io.loyaltypulse.points.topology.RecentTransaction;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.BeforeEach;
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
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The HTTP contract of the balance and transactions queries: local answers, forwarding to
 * the owner of the customer's state, and RFC 9457 problems, with the interactive queries
 * mocked. Forwarding over a real network is PointsServiceIT's.
 */
@WebMvcTest(controllers = PointsQueryController.class)
@EnableConfigurationProperties(PointsProperties.class)
@TestPropertySource(properties = "loyalty.points.expiring-within-days=" + PointsQueryControllerTest.DEFAULT_HORIZON)
class PointsQueryControllerTest {

	static final int DEFAULT_HORIZON = 45;

	private static final String SELF = "10.0.0.1:8082";

	private static final String OWNER = "10.0.0.2:8082";

	private static final HostInfo OWNER_HOST = new HostInfo("10.0.0.2", 8082);

	private static final String POINTS = "/api/v1/customers/c-1/points";

	private static final String TRANSACTIONS = POINTS + "/transactions";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	AccountQueries queries;

	@BeforeEach
	void ownedHere() {
		given(this.queries.remoteOwner(anyString())).willReturn(Optional.empty());
		given(this.queries.self()).willReturn(SELF);
	}

	@Test
	void shouldAnswerTheBalanceSummaryFromLocalStateWithTheServedByHeader() {
		given(this.queries.summary("c-1", 7)).willReturn(summary(7));

		MvcTestResult result = this.mvc.get().uri(POINTS + "?expiringWithinDays=7").exchange();

		assertThat(result).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.headers()
			.hasValue(PointsQueryController.SERVED_BY_HEADER, SELF);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"customerId": "c-1", "available": 1200, "pending": 300, "tier": "SILVER",
				 "qualifyingPoints": 1500, "nextTier": "GOLD", "pointsToNextTier": 3500,
				 "tierPeriodEndsAt": "2026-12-31T00:00:00Z", "expiringWithinDays": 7, "expiringSoon": 40,
				 "expiring": [{"points": 40, "expiresAt": "2026-05-01T00:00:00Z", "available": true}],
				 "shortfall": 0}
				""");
		then(this.queries).should(never()).forward(any(), any());
	}

	@Test
	void shouldUseTheConfiguredExpiringSoonHorizonWhenTheRequestGivesNone() {
		given(this.queries.summary("c-1", DEFAULT_HORIZON)).willReturn(summary(DEFAULT_HORIZON));

		MvcTestResult result = this.mvc.get().uri(POINTS).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.expiringWithinDays").isEqualTo(DEFAULT_HORIZON);
	}

	@Test
	void shouldAnswerTransactionsNewestFirstAsTheStoreReturnsThemWithTheLimitPassedThrough() {
		given(this.queries.recentTransactions("c-1", 2))
			.willReturn(List.of(transaction("tx-3", 3, "REDEEM", -100), transaction("tx-2", 2, "EARN", 250)));

		MvcTestResult result = this.mvc.get().uri(TRANSACTIONS + "?limit=2").exchange();

		assertThat(result).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.headers()
			.hasValue(PointsQueryController.SERVED_BY_HEADER, SELF);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				[{"transactionId": "tx-3", "sequence": 3, "kind": "REDEEM", "points": -100},
				 {"transactionId": "tx-2", "sequence": 2, "kind": "EARN", "points": 250}]
				""");
		assertThat(result).bodyJson().extractingPath("$[*].transactionId").asArray().containsExactly("tx-3", "tx-2");
		then(this.queries).should().recentTransactions("c-1", 2);
	}

	@Test
	void shouldAnswer20TransactionsWhenTheRequestGivesNoLimit() {
		given(this.queries.recentTransactions("c-1", 20)).willReturn(List.of());

		MvcTestResult result = this.mvc.get().uri(TRANSACTIONS).exchange();

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isLenientlyEqualTo("[]");
		then(this.queries).should().recentTransactions("c-1", 20);
	}

	@Test
	void shouldAnswer400ProblemNamingTheLimitWhenItIsZero() {
		MvcTestResult result = this.mvc.get().uri(TRANSACTIONS + "?limit=0").exchange();

		assertBadLimit(result);
		assertThat(result).bodyJson().extractingPath("$.invalidParameters[0].parameter").isEqualTo("limit");
	}

	@Test
	void shouldAnswer400ProblemNamingTheLimitWhenItIsAbove1000() {
		MvcTestResult result = this.mvc.get().uri(TRANSACTIONS + "?limit=1001").exchange();

		assertBadLimit(result);
		assertThat(result).bodyJson().extractingPath("$.invalidParameters[0].parameter").isEqualTo("limit");
	}

	@Test
	void shouldAnswer400ProblemNamingTheLimitWhenItIsNotANumber() {
		MvcTestResult result = this.mvc.get().uri(TRANSACTIONS + "?limit=ten").exchange();

		assertBadLimit(result);
	}

	@Test
	void shouldAnswer400ProblemNamingTheHorizonWhenItIsNegative() {
		MvcTestResult result = this.mvc.get().uri(POINTS + "?expiringWithinDays=-1").exchange();

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("expiringWithinDays");
		then(this.queries).should(never()).summary(anyString(), anyInt());
	}

	@Test
	void shouldAnswer503ProblemWithRetryAfterAndTheReasonWhenTheStoreIsUnavailable() {
		given(this.queries.summary(anyString(), anyInt()))
			.willThrow(new StoreUnavailableException("the points engine is REBALANCING; retry shortly"));

		MvcTestResult result = this.mvc.get().uri(POINTS).exchange();

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.headers()
			.hasValue("Retry-After", "2");
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"status": 503, "detail": "the points engine is REBALANCING; retry shortly"}
				""");
	}

	@Test
	void shouldForwardTheBalanceQueryWithItsQueryStringToTheOwnerAndRelayItsAnswer() {
		given(this.queries.remoteOwner("c-1")).willReturn(Optional.of(OWNER_HOST));
		given(this.queries.forward(OWNER_HOST, POINTS + "?expiringWithinDays=7"))
			.willReturn(new OwnerAnswer(200, "{\"customerId\": \"c-1\", \"available\": 1200}",
					Map.of(PointsQueryController.SERVED_BY_HEADER, OWNER)));

		MvcTestResult result = this.mvc.get().uri(POINTS + "?expiringWithinDays=7").exchange();

		assertThat(result).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.headers()
			.hasValue(PointsQueryController.SERVED_BY_HEADER, OWNER);
		assertThat(result).bodyJson().isLenientlyEqualTo("{\"customerId\": \"c-1\", \"available\": 1200}");
		then(this.queries).should(never()).summary(anyString(), anyInt());
	}

	@Test
	void shouldForwardTheTransactionsQueryWithItsLimitToTheOwner() {
		given(this.queries.remoteOwner("c-1")).willReturn(Optional.of(OWNER_HOST));
		given(this.queries.forward(OWNER_HOST, TRANSACTIONS + "?limit=5")).willReturn(new OwnerAnswer(200,
				"[{\"transactionId\": \"tx-9\"}]", Map.of(PointsQueryController.SERVED_BY_HEADER, OWNER)));

		MvcTestResult result = this.mvc.get().uri(TRANSACTIONS + "?limit=5").exchange();

		assertThat(result).hasStatusOk().headers().hasValue(PointsQueryController.SERVED_BY_HEADER, OWNER);
		assertThat(result).bodyJson().isLenientlyEqualTo("[{\"transactionId\": \"tx-9\"}]");
		then(this.queries).should(never()).recentTransactions(anyString(), anyInt());
	}

	@Test
	void shouldRelayTheOwnersUnavailableAnswerWithItsRetryAfter() {
		String problem = "{\"status\": 503, \"detail\": \"the points engine is REBALANCING; retry shortly\"}";
		given(this.queries.remoteOwner("c-1")).willReturn(Optional.of(OWNER_HOST));
		given(this.queries.forward(OWNER_HOST, POINTS)).willReturn(new OwnerAnswer(503, problem,
				Map.of("Retry-After", "2", "Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE)));

		MvcTestResult result = this.mvc.get().uri(POINTS).exchange();

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.headers()
			.hasValue("Retry-After", "2")
			.doesNotContainHeader(PointsQueryController.SERVED_BY_HEADER);
		assertThat(result).bodyJson().isLenientlyEqualTo(problem);
	}

	@Test
	void shouldAnswer503AndNotForwardAgainWhenAForwardedRequestReachesAnInstanceThatDoesNotOwnTheCustomer() {
		given(this.queries.remoteOwner("c-1")).willReturn(Optional.of(OWNER_HOST));

		MvcTestResult result = this.mvc.get()
			.uri(TRANSACTIONS + "?limit=5")
			.header(AccountQueries.FORWARDED_HEADER, "true")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.headers()
			.hasValue("Retry-After", "2");
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("c-1", "moving");
		then(this.queries).should(never()).forward(any(), any());
		then(this.queries).should(never()).recentTransactions(anyString(), anyInt());
	}

	@Test
	void shouldAnswerAForwardedRequestLocallyWhenThisInstanceOwnsTheCustomer() {
		given(this.queries.recentTransactions("c-1", 5)).willReturn(List.of(transaction("tx-1", 1, "EARN", 10)));

		MvcTestResult result = this.mvc.get()
			.uri(TRANSACTIONS + "?limit=5")
			.header(AccountQueries.FORWARDED_HEADER, "true")
			.exchange();

		assertThat(result).hasStatusOk().headers().hasValue(PointsQueryController.SERVED_BY_HEADER, SELF);
		assertThat(result).bodyJson().extractingPath("$[0].transactionId").isEqualTo("tx-1");
		then(this.queries).should(never()).forward(any(), any());
	}

	private void assertBadLimit(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(400);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("limit");
		then(this.queries).should(never()).recentTransactions(anyString(), anyInt());
		then(this.queries).should(never()).forward(any(), any());
	}

	private static PointsSummary summary(int horizon) {
		return new PointsSummary("c-1", 1200, 300, "SILVER", 1500, "GOLD", 3500, Instant.parse("2026-12-31T00:00:00Z"),
				horizon, 40, List.of(new PointsSummary.Expiring(40, Instant.parse("2026-05-01T00:00:00Z"), true)), 0);
	}

	private static RecentTransaction transaction(String id, long sequence, String kind, long points) {
		return new RecentTransaction(id, sequence, Instant.parse("2026-03-01T10:00:00Z").plusSeconds(sequence), kind,
				points, 1000, 900, 100, "e-" + id, null, 0, kind + " explained");
	}

	/** The owner's answer as the JDK client would hand it over. */
	private record OwnerAnswer(int statusCode, String body,
			Map<String, String> headerValues) implements HttpResponse<String> {

		@Override
		public HttpHeaders headers() {
			Map<String, List<String>> multiValued = this.headerValues.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (header) -> List.of(header.getValue())));
			return HttpHeaders.of(multiValued, (name, value) -> true);
		}

		@Override
		public HttpRequest request() {
			return HttpRequest.newBuilder(URI.create("http://" + OWNER + "/")).build();
		}

		@Override
		public Optional<HttpResponse<String>> previousResponse() {
			return Optional.empty();
		}

		@Override
		public Optional<SSLSession> sslSession() {
			return Optional.empty();
		}

		@Override
		public URI uri() {
			return request().uri();
		}

		@Override
		public HttpClient.Version version() {
			return HttpClient.Version.HTTP_1_1;
		}

	}

}
