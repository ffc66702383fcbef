package io.loyaltypulse.support.security;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Stateless API security for every service: API keys always ({@code loyalty.security.*}),
 * OAuth2 JWTs when {@code loyalty.security.jwt.enabled=true}. Each endpoint needs the
 * scope its service declares in an {@link EndpointScopes} bean; every other request needs
 * credentials, but health, info and prometheus. 401, 403 and rejected URLs are problems.
 * It is the last filter chain: a service that also serves pages to people (the CRM
 * dashboard) declares its own chain for their paths, ordered before this one.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiKeyProperties.class)
public class SupportSecurityAutoConfiguration {

	/** Open without credentials: probes and metrics scrapers carry none. */
	static final String[] OPEN = { "/actuator/health", "/actuator/health/**", "/actuator/info",
			"/actuator/prometheus" };

	private static final Logger log = LoggerFactory.getLogger(SupportSecurityAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(name = "apiSecurity")
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyProperties properties,
			ObjectProvider<EndpointScopes> endpointScopes) {
		ApiKeys keys = new ApiKeys(properties.apiKeys());
		boolean jwt = properties.jwt().enabled();
		if (keys.isEmpty() && !jwt) {
			log.warn("No API keys are configured (loyalty.security.api-keys) and JWTs are disabled: "
					+ "every call to the API will be refused with 401");
		}
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.anonymous(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.authorizeHttpRequests((requests) -> authorize(requests, endpointScopes.orderedStream().toList()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(SecurityProblems::unauthorized)
				.accessDeniedHandler(SecurityProblems::forbidden))
			.addFilterBefore(new ApiKeyAuthenticationFilter(keys, jwt), BearerTokenAuthenticationFilter.class);
		if (jwt) {
			http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults())
				.bearerTokenResolver(jwtOnly())
				.authenticationEntryPoint(SecurityProblems::unauthorized));
		}
		return http.build();
	}

	private static void authorize(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
			Iterable<EndpointScopes> declarations) {
		requests.requestMatchers(OPEN).permitAll();
		// The container's error dispatch of a request that was already let in (or
		// refused).
		requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
		for (EndpointScopes declaration : declarations) {
			for (EndpointScopes.Rule rule : declaration.rules()) {
				var endpoint = requests.requestMatchers(rule.method(), rule.pattern());
				if (rule.scope() != null) {
					endpoint.hasAuthority(Scopes.authority(rule.scope()));
				}
				else {
					endpoint.authenticated();
				}
			}
		}
		requests.anyRequest().authenticated();
	}

	/** A URL the firewall refuses is a 400 problem, not a 500. */
	@Bean
	@ConditionalOnMissingBean(RequestRejectedHandler.class)
	RequestRejectedHandler problemRequestRejectedHandler() {
		return SecurityProblems::rejected;
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
