package io.loyaltypulse.support.operations;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The operational defaults every service shares, at the lowest precedence, so that a
 * service's {@code application.yml} or a deployment can still override each one:
 * <ul>
 * <li>graceful shutdown: requests in flight get their answer before Kafka clients close;
 * <li>one log, ECS JSON on the console (ids only, never keys, tokens or customer text);
 * Kafka's INFO chatter (configuration dumps, rebalance steps) and Tomcat's echo of a
 * malformed request line or header (which may hold an API key) stay out of it;
 * <li>actuator: health (with liveness and readiness probes), info and prometheus only,
 * metrics tagged with the application's name.
 * </ul>
 */
public class OperationalDefaults implements EnvironmentPostProcessor {

	static final Map<String, Object> DEFAULTS = defaults();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		DefaultPropertiesPropertySource.addOrMerge(DEFAULTS, environment.getPropertySources());
	}

	private static Map<String, Object> defaults() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("server.shutdown", "graceful");
		defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "30s");
		defaults.put("logging.structured.format.console", "ecs");
		// The banner is not JSON: a log shipper would choke on it.
		defaults.put("spring.main.banner-mode", "off");
		defaults.put("logging.structured.format.file", "ecs");
		// Kafka's clients log their whole configuration and every step of a rebalance at
		// INFO: hundreds of lines per start that no operator reads. What matters is
		// logged
		// at WARN by Kafka, or by us (ManagedStreams logs each state change of a
		// topology).
		defaults.put("logging.level.org.apache.kafka", "WARN");
		// Tomcat logs the first malformed request line or header of a process at INFO,
		// value included: an Authorization header, a key in a query string.
		defaults.put("logging.level.org.apache.coyote", "WARN");
		defaults.put("logging.level.org.apache.tomcat.util.http", "WARN");
		// The OpenAPI document is YAML; without a mapping it is served as a download.
		defaults.put("server.mime-mappings.yaml", "application/yaml");
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		defaults.put("management.endpoint.health.show-details", "never");
		defaults.put("management.metrics.tags.application", "${spring.application.name}");
		// Spring Security observes every filter of its chain; on an ingest API that cost
		// a
		// fifth of the CPU per request (docs/benchmarks.md). Requests stay observed
		// whole.
		defaults.put("management.observations.enable.spring.security", "false");
		return defaults;
	}

}
