package io.loyaltypulse.churn.dashboard;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * The dashboard's own filter chain, before the API's: CRM managers log in with a form
 * (configured users, passwords stored as hashes), keep a session, and every change is
 * protected by a CSRF token; repeated wrong passwords lock the account for a while
 * ({@link LoginThrottle}). Only the login page and the static assets are open. An htmx
 * request whose session ended is told to reload the login page rather than to swap it
 * into a table row.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurity {

	static final String ROLE = "MANAGER";

	/**
	 * Pages and scripts come only from this service: nothing from a CDN, nothing inline.
	 */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; form-action 'self'";

	private static final Logger log = LoggerFactory.getLogger(DashboardSecurity.class);

	@Bean
	@Order(1)
	SecurityFilterChain dashboardFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/", "/dashboard", "/dashboard/**", "/login", "/logout", "/webjars/**", "/favicon.ico")
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/login", "/webjars/**", "/dashboard/assets/**", "/favicon.ico")
				.permitAll()
				.anyRequest()
				.hasRole(ROLE))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/dashboard/alerts", true))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(loginOrReload()))
			.headers(
					(headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The configured managers; a throttled manager's account reads as locked, so it is
	 * refused before the password is checked.
	 */
	@Bean
	UserDetailsService dashboardUsers(DashboardProperties properties, LoginThrottle throttle) {
		InMemoryUserDetailsManager managers = managers(properties);
		return (username) -> {
			UserDetails user = managers.loadUserByUsername(username);
			return throttle.locked(username) ? User.withUserDetails(user).accountLocked(true).build() : user;
		};
	}

	@Bean
	LoginThrottle loginThrottle(DashboardProperties properties, Clock clock) {
		return new LoginThrottle(
				properties.users().stream().map(DashboardProperties.User::username).collect(Collectors.toSet()),
				properties.maxFailedLogins(), properties.failedLoginWindow(), clock);
	}

	static InMemoryUserDetailsManager managers(DashboardProperties properties) {
		if (properties.users().isEmpty()) {
			log.warn("No dashboard users are configured (loyalty.dashboard.users): nobody can log in to the dashboard");
		}
		List<UserDetails> users = properties.users().stream().map(DashboardSecurity::manager).toList();
		return new InMemoryUserDetailsManager(users);
	}

	@Bean
	ApplicationListener<AbstractAuthenticationEvent> loginAttempts(LoginThrottle throttle) {
		return (event) -> {
			if (event instanceof AuthenticationFailureBadCredentialsEvent failure) {
				throttle.failed(failure.getAuthentication().getName());
			}
			else if (event instanceof AuthenticationSuccessEvent success) {
				throttle.succeeded(success.getAuthentication().getName());
			}
		};
	}

	private static UserDetails manager(DashboardProperties.User user) {
		if (user.username() == null || user.username().isBlank()) {
			throw new IllegalStateException("loyalty.dashboard.users[].username must not be blank");
		}
		String hash = user.passwordHash();
		// A stored password must be a hash with its algorithm named, never the password.
		if (hash == null || !hash.matches("\\{[a-z0-9-]+\\}.+") || hash.startsWith("{noop}")) {
			throw new IllegalStateException("loyalty.dashboard.users[].password-hash of " + user.username()
					+ " must be a hash such as {bcrypt}$2a$10$...; plain passwords ({noop}) are refused");
		}
		return User.withUsername(user.username()).password(hash).roles(ROLE).build();
	}

	private static AuthenticationEntryPoint loginOrReload() {
		LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, exception) -> {
			if (request.getHeader(DashboardAdvice.HTMX_REQUEST) != null) {
				response.setHeader("HX-Redirect", "/login");
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				return;
			}
			login.commence(request, response, exception);
		};
	}

}
