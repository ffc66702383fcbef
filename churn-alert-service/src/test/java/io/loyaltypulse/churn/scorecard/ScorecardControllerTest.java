package io.loyaltypulse.churn.scorecard;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import io.loyaltypulse.churn.ChurnEndpoints;
import io.loyaltypulse.churn.config.ChurnProperties;
import io.loyaltypulse.churn.dashboard.DashboardProperties;
import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.support.streams.StoreUnavailableException;
import io.loyaltypulse.support.streams.StreamsProperties;
import io.loyaltypulse.testsupport.TestApiKeys;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The HTTP contract of the scorecard's figures and slices: the scope, the figures with
 * their rates from local state or from the owner's answer, 400 problems naming the
 * parameter, and 503 while the state is not queryable; the interactive queries mocked.
 */
@WebMvcTest(controllers = ScorecardController.class)
@Import({ ChurnEndpoints.class, ScorecardConfiguration.class })
@EnableConfigurationProperties({ ChurnProperties.class, StreamsProperties.class, DashboardProperties.class })
@TestPropertySource(properties = { "loyalty.security.api-keys[0].name=reader",
		"loyalty.security.api-keys[0].sha256=" + TestApiKeys.ALL_SCOPES_SHA256,
		"loyalty.security.api-keys[0].scopes=alerts:read", "loyalty.security.api-keys[1].name=shop",
		"loyalty.security.api-keys[1].sha256=" + TestApiKeys.INVOICES_ONLY_SHA256,
		"loyalty.security.api-keys[1].scopes=invoices:write" })
class ScorecardControllerTest {

	private static final String FIGURES = "/api/v1/scorecard/figures";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	InteractiveQueries queries;

	@SuppressWarnings("unchecked")
	private final ReadOnlyKeyValueStore<String, Figures> store = org.mockito.Mockito.mock(ReadOnlyKeyValueStore.class);

	@BeforeEach
	void ownedHere() {
		given(this.queries.forwardIfRemote(anyString(), anyString(), any())).willReturn(Optional.empty());
		given(this.queries.localStore(eq(ScorecardTopology.FIGURES_STORE), anyString(), any()))
			.willAnswer((call) -> this.store);
		given(this.queries.localStore(eq(ScorecardTopology.FIGURES_STORE), any())).willAnswer((call) -> this.store);
	}

	@Test
	void shouldAnswer403ToAKeyWithoutAlertsRead() {
		MvcTestResult result = this.mvc.get()
			.uri(FIGURES + "?quarter=2026-Q3")
			.header("X-Api-Key", TestApiKeys.INVOICES_ONLY)
			.exchange();

		assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(result).bodyJson().extractingPath("$.requiredScope").isEqualTo("alerts:read");
	}

	@Test
	void shouldAnswerTheFiguresOfAStoreWithTheirRates() {
		given(this.store.get("2026-Q3|store=S1"))
			.willReturn(new Figures(4, 1, 6, 3, 1, 1, new BigDecimal("100.5000"), 2));

		MvcTestResult result = get(FIGURES + "?quarter=2026-Q3&store=S1");

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"quarter": "2026-Q3", "slice": "store=S1", "activeCustomers": 4, "returningCustomers": 1,
				 "repeatPurchaseRate": 0.25, "orders": 6, "returningOrders": 3, "otherCurrencyOrders": 1,
				 "otherCurrencyReturningOrders": 1, "returningOrderValue": {"amount": "100.50", "currency": "EUR"},
				 "returningAov": {"amount": "50.25", "currency": "EUR"}, "participants": 2,
				 "participationRate": 0.5}
				""");
	}

	@Test
	void shouldAnswerZerosAndNoRatesWhereNothingWasCounted() {
		MvcTestResult result = get(FIGURES + "?quarter=2026-Q3&region=north");

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"slice": "region=north", "activeCustomers": 0, "repeatPurchaseRate": null, "returningAov": null,
				 "returningOrderValue": {"amount": "0.00", "currency": "EUR"}}
				""");
	}

	@Test
	void shouldAnswerWithTheOwnersAnswerToTheRequestAsItCame() {
		given(this.queries.forwardIfRemote(eq(ScorecardTopology.FIGURES_STORE), eq("2026-Q3|store=S 1"), any()))
			.willReturn(Optional.of(ResponseEntity.ok("""
					{"quarter": "2026-Q3", "slice": "store=S 1", "activeCustomers": 2, "returningCustomers": 1,
					 "orders": 3, "returningOrders": 1, "otherCurrencyOrders": 0, "otherCurrencyReturningOrders": 0,
					 "returningOrderValue": {"amount": "12.30", "currency": "EUR"},
					 "returningAov": {"amount": "12.30", "currency": "EUR"}, "participants": 1}
					""")));

		MvcTestResult result = get(FIGURES + "?store={store}&quarter=2026-Q3", "S 1");

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().extractingPath("$.returningAov.amount").isEqualTo("12.30");
		then(this.store).shouldHaveNoInteractions();
		ArgumentCaptor<HttpServletRequest> forwarded = ArgumentCaptor.forClass(HttpServletRequest.class);
		then(this.queries).should().forwardIfRemote(anyString(), anyString(), forwarded.capture());
		assertThat(forwarded.getValue().getRequestURI()).isEqualTo(FIGURES);
		assertThat(forwarded.getValue().getQueryString()).isEqualTo("store=S%201&quarter=2026-Q3");
	}

	@Test
	void shouldAnswer400NamingABadQuarter() {
		assertThat(get(FIGURES + "?quarter=2026-3")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].parameter")
			.isEqualTo("quarter");
		assertThat(get(FIGURES)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].parameter")
			.isEqualTo("quarter");
	}

	@Test
	void shouldAnswer400NamingTheRegionGivenWithAStore() {
		assertThat(get(FIGURES + "?quarter=2026-Q3&store=S1&region=north")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].parameter")
			.isEqualTo("region");
	}

	@Test
	void shouldAnswer400NamingAnUnknownOrRepeatedParameter() {
		assertThat(get(FIGURES + "?quarter=2026-Q3&channel=WEB")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].parameter")
			.isEqualTo("channel");
		assertThat(get(FIGURES + "?quarter=2026-Q3&store=S1&store=S2")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].parameter")
			.isEqualTo("store");
	}

	@Test
	void shouldAnswer503WithRetryAfterWhileTheStateIsNotQueryable() {
		given(this.queries.localStore(eq(ScorecardTopology.FIGURES_STORE), anyString(), any()))
			.willThrow(new StoreUnavailableException("the topology is REBALANCING", Duration.ofSeconds(2)));

		MvcTestResult result = get(FIGURES + "?quarter=2026-Q3");

		assertThat(result).hasStatus(HttpStatus.SERVICE_UNAVAILABLE).headers().containsHeader(HttpHeaders.RETRY_AFTER);
	}

	@Test
	void shouldListTheQuartersStoresAndRegionsSeenOverEveryInstance() {
		given(this.store.all()).willReturn(iterator(List.of("2026-Q2|all", "2026-Q2|store=S2", "2026-Q3|region=west")));
		given(this.queries.fromOtherInstances(eq(ScorecardTopology.FIGURES_STORE), any()))
			.willReturn(List.of("{\"quarters\": [\"2025-Q4\"], \"stores\": [\"S1\"], \"regions\": [\"north\"]}"));

		MvcTestResult result = get("/api/v1/scorecard/slices");

		assertThat(result).hasStatusOk();
		assertThat(result).bodyJson().isLenientlyEqualTo("""
				{"quarters": ["2025-Q4", "2026-Q2", "2026-Q3"], "stores": ["S1", "S2"], "regions": ["north", "west"]}
				""");
	}

	private MvcTestResult get(String uri, Object... variables) {
		return this.mvc.get().uri(uri, variables).header("X-Api-Key", TestApiKeys.ALL_SCOPES).exchange();
	}

	private static KeyValueIterator<String, Figures> iterator(List<String> keys) {
		Iterator<String> each = keys.iterator();
		return new KeyValueIterator<>() {

			@Override
			public boolean hasNext() {
				return each.hasNext();
			}

			@Override
			public KeyValue<String, Figures> next() {
				return KeyValue.pair(each.next(), Figures.ZERO);
			}

			@Override
			public void close() {
			}

			@Override
			public String peekNextKey() {
				throw new UnsupportedOperationException();
			}

		};
	}

}
