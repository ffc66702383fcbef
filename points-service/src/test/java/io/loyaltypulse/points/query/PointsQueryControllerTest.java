package io.loyaltypulse.points.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.loyaltypulse.points.PointsEndpoints;
import io.loyaltypulse.points.config.PointsProperties;
import io.loyaltypulse.points.ledger.PointsSummary;
import io.loyaltypulse.points.topology.PointsTopology;
import io.loyaltypulse.points.topology.RecentTransaction;
import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.support.streams.StoreUnavailableException;
import io.loyaltypulse.testsupport.TestApiKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;

/**
 * The HTTP contract of the balance and transactions queries: credentials and scope, local
 * answers, the owner's answer when another instance owns the customer, and RFC 9457
 * problems, with the interactive queries mocked. Forwarding itself is
 * {@code InteractiveQueriesTest}'s (service-support) and, over a real network,
 * PointsServiceIT's.
 */
@WebMvcTest(controllers = PointsQueryController.class)
@Import(PointsEndpoints.class)
@EnableConfigurationProperties(PointsProperties.class)
@TestPropertySource(properties = { "loyalty.points.expiring-within-days=" + PointsQueryControllerTest.DEFAULT_HORIZON,
		"loyalty.security.api-keys[0].name=reader",
		"loyalty.security.api-keys[0].sha256=" + TestApiKeys.POINTS_READ_ONLY_SHA256,
		"loyalty.security.api-keys[0].scopes=points:read", "loyalty.security.api-keys[1].name=shop-without-read",
		"loyalty.security.api-keys[1].sha256=" + TestApiKeys.INVOICES_ONLY_SHA256,
		"loyalty.security.api-keys[1].scopes=invoices:write,points:redeem" })
class PointsQueryControllerTest {

	static final int DEFAULT_HORIZON = 45;

	private static final String SELF = "10.0.0.1:8082";

	private static final String OWNER = "10.0.0.2:8082";

	private static final String POINTS = "/api/v1/customers/c-1/points";

	private static final String TRANSACTIONS = POINTS + "/transactions";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	AccountQueries accounts;

	@MockitoBean
	InteractiveQueries queries;

	@BeforeEach
	void ownedHere() {
		given(this.queries.forwardIfRemote(anyString(), anyString(), any())).willReturn(Optional.empty());
		given(this.queries.self()).willReturn(SELF);
	}

	@Test
	void shouldAnswer401ProblemWithoutCredentials() {
		MvcTestResult result = this.mvc.get().uri(POINTS).exchange();

		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson()
			.extractingPath("$.type")
			.isEqualTo("https://loyaltypulse.io/problems/unauthorized");
		then(this.accounts).should(never()).summary(anyString(), anyInt());
	}

	@Test
	void shouldAnswer403ProblemToAKeyWithoutPointsRead() {
		MvcTestResult result = this.mvc.get()
			.uri(TRANSACTIONS)
			.header("X-Api-Key", TestApiKeys.INVOICES_ONLY)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.requiredScope").isEqualTo("points:read");
		then(this.accounts).should(never()).recentTransactions(anyString(), anyInt());
	}

	@Test
	void shouldAnswer400ProblemNamingTheCustomerIdWhenItIsTooLong() {
		MvcTestResult result = get("/api/v1/customers/" + "c".repeat(201) + "/points");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.errors[0].parameter").isEqualTo("customerId");
		then(this.accounts).should(never()).summary(anyString(), anyInt());
	}

	@Test
	void shouldAnswerTheBalanceSummaryFromLocalStateWithTheServedByHeader() {
		given(this.accounts.summary("c-1", 7)).willReturn(summary(7));

		MvcTestResult result = get(POINTS + "?expiringWithinDays=7");

		assertThat(result).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.headers()
			.hasValue(InteractiveQueries.SERVED_BY_HEADER, SELF);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"customerId": "c-1", "available": 1200, "pending": 300, "tier": "SILVER",
				 "qualifyingPoints": 1500, "nextTier": "GOLD", "pointsToNextTier": 3500,
				 "tierPeriodEndsAt": "2026-12-31T00:00:00Z", "expiringWithinDays": 7, "expiringSoon": 40,
				 "expiring": [{"points": 40, "expiresAt": "2026-05-01T00:00:00Z", "available": true}],
				 "shortfall": 0}
				""");
	}

	@Test
	void shouldUseTheConfiguredExpiringSoonHorizonWhenTheRequestGivesNone() {
		given(this.accounts.summary("c-1", DEFAULT_HORIZON)).willReturn(summary(DEFAULT_HORIZON));

		MvcTestResult result = get(POINTS);

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.expiringWithinDays").isEqualTo(DEFAULT_HORIZON);
	}

	@Test
	void shouldAnswerTransactionsNewestFirstAsTheStoreReturnsThemWithTheLimitPassedThrough() {
		given(this.accounts.recentTransactions("c-1", 2))
			.willReturn(List.of(transaction("tx-3", 3, "REDEEM", -100), transaction("tx-2", 2, "EARN", 250)));

		MvcTestResult result = get(TRANSACTIONS + "?limit=2");

		assertThat(result).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.headers()
			.hasValue(InteractiveQueries.SERVED_BY_HEADER, SELF);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				[{"transactionId": "tx-3", "sequence": 3, "kind": "REDEEM", "points": -100},
				 {"transactionId": "tx-2", "sequence": 2, "kind": "EARN", "points": 250}]
				""");
		assertThat(result).bodyJson().extractingPath("$[*].transactionId").asArray().containsExactly("tx-3", "tx-2");
		then(this.accounts).should().recentTransactions("c-1", 2);
	}

	@Test
	void shouldAnswer20TransactionsWhenTheRequestGivesNoLimit() {
		given(this.accounts.recentTransactions("c-1", 20)).willReturn(List.of());

		MvcTestResult result = get(TRANSACTIONS);

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isLenientlyEqualTo("[]");
		then(this.accounts).should().recentTransactions("c-1", 20);
	}

	@Test
	void shouldAnswer400ProblemNamingTheLimitWhenItIsZero() {
		MvcTestResult result = get(TRANSACTIONS + "?limit=0");

		assertBadLimit(result);
		assertThat(result).bodyJson().extractingPath("$.errors[0].parameter").isEqualTo("limit");
	}

	@Test
	void shouldAnswer400ProblemNamingTheLimitWhenItIsAbove1000() {
		MvcTestResult result = get(TRANSACTIONS + "?limit=1001");

		assertBadLimit(result);
		assertThat(result).bodyJson().extractingPath("$.errors[0].parameter").isEqualTo("limit");
	}

	@Test
	void shouldAnswer400ProblemNamingTheLimitWhenItIsNotANumber() {
		MvcTestResult result = get(TRANSACTIONS + "?limit=ten");

		assertBadLimit(result);
	}

	@Test
	void shouldAnswer400ProblemNamingTheHorizonWhenItIsNegative() {
		MvcTestResult result = get(POINTS + "?expiringWithinDays=-1");

		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("expiringWithinDays");
		then(this.accounts).should(never()).summary(anyString(), anyInt());
	}

	@Test
	void shouldAnswer503ProblemWithRetryAfterAndTheReasonWhenTheStoreIsUnavailable() {
		given(this.accounts.summary(anyString(), anyInt()))
			.willThrow(new StoreUnavailableException("the topology is REBALANCING", Duration.ofSeconds(2)));

		MvcTestResult result = get(POINTS);

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.headers()
			.hasValue("Retry-After", "2");
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"status": 503, "type": "https://loyaltypulse.io/problems/state-unavailable",
				 "detail": "the topology is REBALANCING; retry shortly."}
				""");
	}

	@Test
	void shouldAnswerWithTheOwnersAnswerWhenAnotherInstanceOwnsTheCustomer() {
		given(this.queries.forwardIfRemote(eq(PointsTopology.ACCOUNTS_STORE), eq("c-1"), any()))
			.willReturn(Optional.of(ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.header(InteractiveQueries.SERVED_BY_HEADER, OWNER)
				.body("{\"customerId\": \"c-1\", \"available\": 1200}")));

		MvcTestResult result = get(POINTS + "?expiringWithinDays=7");

		assertThat(result).hasStatusOk().headers().hasValue(InteractiveQueries.SERVED_BY_HEADER, OWNER);
		assertThat(result).bodyJson().isLenientlyEqualTo("{\"customerId\": \"c-1\", \"available\": 1200}");
		then(this.accounts).should(never()).summary(anyString(), anyInt());
	}

	@Test
	void shouldAnswerTransactionsWithTheOwnersAnswerWhenAnotherInstanceOwnsTheCustomer() {
		given(this.queries.forwardIfRemote(eq(PointsTopology.ACCOUNTS_STORE), eq("c-1"), any())).willReturn(Optional
			.of(ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body("[{\"transactionId\": \"tx-9\"}]")));

		MvcTestResult result = get(TRANSACTIONS + "?limit=5");

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isLenientlyEqualTo("[{\"transactionId\": \"tx-9\"}]");
		then(this.accounts).should(never()).recentTransactions(anyString(), anyInt());
	}

	private MvcTestResult get(String uri) {
		return this.mvc.get().uri(uri).header("X-Api-Key", TestApiKeys.POINTS_READ_ONLY).exchange();
	}

	private void assertBadLimit(MvcTestResult result) {
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(400);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("limit");
		then(this.accounts).should(never()).recentTransactions(anyString(), anyInt());
	}

	private static PointsSummary summary(int horizon) {
		return new PointsSummary("c-1", 1200, 300, "SILVER", 1500, "GOLD", 3500, Instant.parse("2026-12-31T00:00:00Z"),
				horizon, 40, List.of(new PointsSummary.Expiring(40, Instant.parse("2026-05-01T00:00:00Z"), true)), 0);
	}

	private static RecentTransaction transaction(String id, long sequence, String kind, long points) {
		return new RecentTransaction(id, sequence, Instant.parse("2026-03-01T10:00:00Z").plusSeconds(sequence), kind,
				points, 1000, 900, 100, "e-" + id, null, 0, kind + " explained");
	}

}
