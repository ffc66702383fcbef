package io.loyaltypulse.churn.dashboard;

import java.time.Clock;
import java.time.Instant;

import io.loyaltypulse.churn.ChurnEndpoints;
import io.loyaltypulse.churn.api.ManagerActions;
import io.loyaltypulse.churn.config.ChurnProperties;
import io.loyaltypulse.events.ChurnAlertActionOutcome;
import io.loyaltypulse.events.ChurnAlertActionStatus;
import io.loyaltypulse.events.ChurnAlertSnapshot;
import io.loyaltypulse.events.ChurnAlertStatus;
import io.loyaltypulse.schemas.testing.SampleEvents;
import io.loyaltypulse.testsupport.TestApiKeys;
import io.loyaltypulse.testsupport.TestDashboardPasswords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What goes wrong on a page is said on the page in a manager's words: the field as the
 * form names it, the API's own reason for a refusal, the real status; and an action's
 * answer, applied or refused, swapped where htmx expects it.
 */
@WebMvcTest(controllers = { CustomerPageController.class, ScorecardPageController.class, InboxController.class })
@Import({ DashboardSecurity.class, ChurnEndpoints.class })
@EnableConfigurationProperties({ DashboardProperties.class, ChurnProperties.class })
@TestPropertySource(properties = { "loyalty.security.api-keys[0].name=reader",
		"loyalty.security.api-keys[0].sha256=" + TestApiKeys.ALL_SCOPES_SHA256,
		"loyalty.security.api-keys[0].scopes=alerts:read", "loyalty.dashboard.users[0].username=anna",
		"loyalty.dashboard.users[0].password-hash=" + TestDashboardPasswords.PASSWORD_HASH,
		"loyalty.dashboard.users[0].display-name=Anna Berg" })
class DashboardErrorPagesTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DashboardApis apis;

	@MockitoBean
	Clock clock;

	@MockitoBean
	ManagerActions actions;

	@BeforeEach
	void fixTheClock() {
		given(this.clock.instant()).willReturn(Instant.parse("2026-11-30T10:00:00Z"));
	}

	@Test
	void shouldNameTheFieldAsTheFormDoes() throws Exception {
		this.mvc.perform(get("/dashboard/customers").param("customerId", " ").with(user("anna").roles("MANAGER")))
			.andExpect(status().isBadRequest())
			.andExpect(
					content().string(allOf(containsString("customerId: must be 1 to"), not(containsString("find.")))));
	}

	@Test
	void shouldSayWhatTheApiRefusedWithoutItsPlumbing() throws Exception {
		given(this.apis.own(anyString())).willThrow(DashboardDataException.answered("churn-alert-service", 404,
				JsonMapper.builder().build().readTree("{\"detail\": \"no event of customer c-x has been seen\"}")));
		this.mvc.perform(get("/dashboard/customers/c-x").with(user("anna").roles("MANAGER")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(allOf(containsString("Not found"),
					containsString("no event of customer c-x has been seen"), not(containsString("answered 404")))));
	}

	@Test
	void shouldNameTheServiceThatFailed() throws Exception {
		given(this.apis.own(anyString())).willThrow(DashboardDataException.answered("churn-alert-service", 503,
				JsonMapper.builder().build().readTree("{\"detail\": \"the topology is REBALANCING\"}")));
		this.mvc.perform(get("/dashboard/customers/c-x").with(user("anna").roles("MANAGER")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(
					content().string(containsString("churn-alert-service answered 503: the topology is REBALANCING")));
	}

	@Test
	void shouldRefuseAQuarterThatHasNotBegunAndASliceTheFormNeverMakes() throws Exception {
		this.mvc.perform(get("/dashboard/scorecard").param("quarter", "2027-Q1").with(user("anna").roles("MANAGER")))
			.andExpect(status().isBadRequest())
			.andExpect(
					content().string(containsString("quarter 2027-Q1 has not begun: the current quarter is 2026-Q4")));
		this.mvc
			.perform(get("/dashboard/scorecard").param("quarter", "2026-Q4")
				.param("slice", "channel=WEB")
				.with(user("anna").roles("MANAGER")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("slice must be store=")));
		verifyNoInteractions(this.apis);
	}

	@Test
	void shouldNameAFormValueThatDoesNotBindOnThePage() throws Exception {
		this.mvc.perform(get("/dashboard/alerts").param("page", "abc").with(user("anna").roles("MANAGER")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("page: not a valid value")));
		verifyNoInteractions(this.apis);
	}

	@Test
	void shouldAnswerAnUnknownDashboardAddressWithAPageAndAnUnknownApiAddressWithAProblem() throws Exception {
		this.mvc.perform(get("/dashboard/nope").with(user("anna").roles("MANAGER")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(allOf(containsString("There is no dashboard page at this address."),
					containsString("Back to the alerts"), containsString("Anna Berg"))));
		this.mvc.perform(get("/api/v1/nope").header("X-Api-Key", TestApiKeys.ALL_SCOPES))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(content().string(containsString("No endpoint at this URL.")));
	}

	@Test
	void shouldSwapTheRowAnActionReturnsAndNameTheManagerAsTheActor() throws Exception {
		ChurnAlertActionOutcome sample = SampleEvents.churnAlertActionOutcome("c-1");
		ChurnAlertActionOutcome acknowledged = ChurnAlertActionOutcome.newBuilder(sample)
			.setAlert(ChurnAlertSnapshot.newBuilder(sample.getAlert()).setStatus(ChurnAlertStatus.ACKNOWLEDGED).build())
			.build();
		given(this.actions.acknowledge("alert-c-1", "k-1", "anna")).willReturn(acknowledged);

		this.mvc
			.perform(post("/dashboard/alerts/alert-c-1/acknowledge").param("idempotencyKey", "k-1")
				.header("HX-Request", "true")
				.with(user("anna").roles("MANAGER"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("HX-Retarget"))
			.andExpect(content().string(allOf(containsString("data-status=\"ACKNOWLEDGED\""),
					containsString("Alert acknowledged."), not(containsString(">Acknowledge</button>")))));
	}

	@Test
	void shouldSayARefusedActionAboveTheTableWithItsStatus() throws Exception {
		given(this.actions.acknowledge(anyString(), anyString(), anyString())).willReturn(
				refused(ChurnAlertActionStatus.CONFLICT, "the alert is RESOLVED: acknowledge is not allowed"),
				refused(ChurnAlertActionStatus.NOT_FOUND, "no alert alert-c-1"));

		this.mvc.perform(acknowledgeWithHtmx())
			.andExpect(status().isConflict())
			.andExpect(header().string("HX-Retarget", "#flash"))
			.andExpect(content().string(containsString("the alert is RESOLVED: acknowledge is not allowed")));
		this.mvc.perform(acknowledgeWithHtmx())
			.andExpect(status().isNotFound())
			.andExpect(header().string("HX-Retarget", "#flash"))
			.andExpect(content().string(containsString("no alert alert-c-1")));
	}

	@Test
	void shouldTakeAnActionOnlyWithItsCsrfToken() throws Exception {
		this.mvc
			.perform(post("/dashboard/alerts/alert-c-1/acknowledge").param("idempotencyKey", "k-1")
				.with(user("anna").roles("MANAGER")))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.actions);
	}

	private static MockHttpServletRequestBuilder acknowledgeWithHtmx() {
		return post("/dashboard/alerts/alert-c-1/acknowledge").param("idempotencyKey", "k-1")
			.header("HX-Request", "true")
			.with(user("anna").roles("MANAGER"))
			.with(csrf());
	}

	private static ChurnAlertActionOutcome refused(ChurnAlertActionStatus status, String explanation) {
		return ChurnAlertActionOutcome.newBuilder(SampleEvents.churnAlertActionOutcome("c-1"))
			.setStatus(status)
			.setExplanation(explanation)
			.build();
	}

}
