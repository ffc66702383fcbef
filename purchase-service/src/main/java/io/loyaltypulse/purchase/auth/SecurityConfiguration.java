package io.loyaltypulse.purchase.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;

/**
 * Stateless API security: API keys always, OAuth2 JWTs when
 * {@code loyalty.security.jwt.enabled=true}. Every {@code /api/**} call must be
 * authenticated; which events a caller may send (its scopes) is checked per event, so
 * that a batch can report a forbidden item without refusing the others. Health probes,
 * metrics and the OpenAPI document are open.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyProperties properties) {
		ApiKeys keys = new ApiKeys(properties.apiKeys());
		boolean jwt = properties.jwt().enabled();
		if (keys.isEmpty() && !jwt) {
			log.warn("No API keys are configured (loyalty.security.api-keys) and JWTs are disabled: "
					+ "every call to /api will be refused with 401");
		}
		ProblemResponses problems = new ProblemResponses();
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info",
						"/openapi.yaml", "/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.addFilterBefore(new ApiKeyAuthenticationFilter(keys, jwt, problems),
					BearerTokenAuthenticationFilter.class);
		if (jwt) {
			http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.bearerTokenResolver(jwtOnly())
				.authenticationEntryPoint(problems::unauthorized));
		}
		return http.build();
	}

	/**
	 * The resource server sees only JWT-shaped bearer tokens of callers that no API key
	 * authenticated already.
	 */
	private static BearerTokenResolver jwtOnly() {
		DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
		return (request) -> {
			if (SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication() != null) {
				return null;
			}
			String token = resolver.resolve(request);
			return ApiKeyAuthenticationFilter.looksLikeJwt(token) ? token : null;
		};
	}

}
