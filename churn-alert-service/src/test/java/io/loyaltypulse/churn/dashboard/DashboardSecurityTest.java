package io.loyaltypulse.churn.dashboard;

import java.time.Clock;
import java.time.Instant;

import io.loyaltypulse.churn.ChurnEndpoints;
import io.loyaltypulse.churn.api.ManagerActions;
import io.loyaltypulse.churn.config.ChurnProperties;
import io.loyaltypulse.testsupport.TestApiKeys;
import io.loyaltypulse.testsupport.TestDashboardPasswords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The dashboard's filter chain next to the API's: pages need a logged-in manager (a form
 * login, not an API key), a change needs the CSRF token, an htmx request whose session
 * ended is told to reload the login page, a configured password is checked against its
 * hash, and the API still answers 401 problems to callers without a key.
 */
@WebMvcTest(controllers = { LoginController.class, InboxController.class })
@Import({ DashboardSecurity.class, ChurnEndpoints.class })
@EnableConfigurationProperties({ DashboardProperties.class, ChurnProperties.class })
@TestPropertySource(properties = { "loyalty.dashboard.users[0].username=anna",
		"loyalty.dashboard.users[0].password-hash=" + TestDashboardPasswords.PASSWORD_HASH,
		"loyalty.dashboard.users[1].username=bob",
		"loyalty.dashboard.users[1].password-hash=" + TestDashboardPasswords.PASSWORD_HASH,
		"loyalty.security.api-keys[0].name=reader",
		"loyalty.security.api-keys[0].sha256=" + TestApiKeys.ALL_SCOPES_SHA256,
		"loyalty.security.api-keys[0].scopes=alerts:read" })
class DashboardSecurityTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DashboardApis apis;

	@MockitoBean
	ManagerActions actions;

	@MockitoBean
	Clock clock;

	@BeforeEach
	void fixTheClock() {
		given(this.clock.instant()).willReturn(Instant.parse("2026-11-30T10:00:00Z"));
	}

	@Test
	void shouldSendAVisitorWithoutASessionToTheLoginPage() throws Exception {
		this.mvc.perform(get("/dashboard/alerts")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")));
	}

	@Test
	void shouldTellHtmxToReloadTheLoginPageInsteadOfSwappingItIn() throws Exception {
		this.mvc.perform(get("/dashboard/alerts/rows").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login"));
	}

	@Test
	void shouldLogInWithTheConfiguredPasswordOnly() throws Exception {
		this.mvc
			.perform(post("/login").param("username", "anna")
				.param("password", TestDashboardPasswords.PASSWORD)
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/dashboard/alerts"));
		this.mvc.perform(post("/login").param("username", "anna").param("password", "wrong").with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(post("/login").param("username", "anna").param("password", TestDashboardPasswords.PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldLockAManagerOutAfterFiveWrongPasswords() throws Exception {
		for (int attempt = 0; attempt < 5; attempt++) {
			this.mvc.perform(post("/login").param("username", "bob").param("password", "guess-" + attempt).with(csrf()))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(
				post("/login").param("username", "bob").param("password", TestDashboardPasswords.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		// Fifteen minutes after the failures, the right password opens the dashboard
		// again.
		given(this.clock.instant()).willReturn(Instant.parse("2026-11-30T10:15:01Z"));
		this.mvc.perform(
				post("/login").param("username", "bob").param("password", TestDashboardPasswords.PASSWORD).with(csrf()))
			.andExpect(redirectedUrl("/dashboard/alerts"));
	}

	@Test
	void shouldRefuseAnActionWithoutTheCsrfToken() throws Exception {
		this.mvc
			.perform(post("/dashboard/alerts/x.SILENCE.1/acknowledge").param("idempotencyKey", "k-1")
				.with(user("anna").roles(DashboardSecurity.ROLE)))
			.andExpect(status().isForbidden());
	}

	@Test
	void shouldLeaveTheApiToApiKeysEvenForALoggedInManager() throws Exception {
		this.mvc.perform(get("/api/v1/alerts"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(post("/login").param("username", "anna")
				.param("password", TestDashboardPasswords.PASSWORD)
				.with(csrf()))
			.andExpect(redirectedUrl("/dashboard/alerts"))
			.andReturn()
			.getRequest()
			.getSession();
		// The session opens the pages, never the API.
		this.mvc.perform(get("/dashboard/login-check").session(session)).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/alerts").session(session)).andExpect(status().isUnauthorized());
	}

}
