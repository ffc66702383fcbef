package io.loyaltypulse.schemas.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;

/**
 * How to reach the schema registry, read from the same configuration keys as Confluent's
 * client, so that one configuration serves both.
 *
 * @param urls the registry base URLs ({@code schema.registry.url}, comma-separated);
 * tried in turn when one is unreachable. A {@code mock://scope} URL selects an in-memory
 * registry for unit tests.
 * @param userInfo {@code user:password} for HTTP basic auth, if any
 * @param retry how often and how patiently to retry I/O errors and 5xx answers
 * @param connectTimeout {@code http.connect.timeout.ms}
 * @param requestTimeout {@code http.read.timeout.ms}
 * @param latestCacheTtl {@code latest.cache.ttl.sec}: how long a "latest version" answer
 * is reused; negative means until restart
 */
public record SchemaRegistryConfig(List<URI> urls, Optional<String> userInfo, RetryPolicy retry,
		Duration connectTimeout, Duration requestTimeout, Duration latestCacheTtl) {

	public static final String URL = "schema.registry.url";

	public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

	public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

	public static final String MAX_RETRIES = "max.retries";

	public static final String RETRIES_WAIT_MS = "retries.wait.ms";

	public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";

	public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";

	public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

	public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

	/** Confluent also accepts most client keys with this prefix; so do we. */
	private static final String PREFIX = "schema.registry.";

	public SchemaRegistryConfig {
		urls = List.copyOf(urls);
		if (urls.isEmpty()) {
			throw new ConfigException(URL, "", "at least one schema registry URL is required");
		}
	}

	public static SchemaRegistryConfig from(Map<String, ?> configs) {
		ConfigValues values = new ConfigValues(configs);
		List<URI> urls = parseUrls(values.string(URL)
			.orElseThrow(() -> new ConfigException(URL, null,
					"missing: set schema.registry.url (for example http://127.0.0.1:8081 or mock://tests)")));
		RetryPolicy retry = new RetryPolicy(values.integer(MAX_RETRIES, 3),
				Duration.ofMillis(values.integer(RETRIES_WAIT_MS, 100)),
				Duration.ofMillis(values.integer(RETRIES_MAX_WAIT_MS, 5_000)));
		return new SchemaRegistryConfig(urls, userInfo(values, urls), retry,
				Duration.ofMillis(values.integer(HTTP_CONNECT_TIMEOUT_MS, 5_000)),
				Duration.ofMillis(values.integer(HTTP_READ_TIMEOUT_MS, 10_000)),
				Duration.ofSeconds(values.integer(LATEST_CACHE_TTL_SEC, -1)));
	}

	/**
	 * A {@code mock://scope} URL: the in-memory registry shared by everything configured
	 * with that scope.
	 */
	public Optional<String> mockScope() {
		URI first = this.urls.get(0);
		return "mock".equals(first.getScheme()) ? Optional.of(first.getSchemeSpecificPart().replaceFirst("^//", ""))
				: Optional.empty();
	}

	private static List<URI> parseUrls(String value) {
		return Arrays.stream(value.split(","))
			.map(String::strip)
			.filter((url) -> !url.isEmpty())
			.map(SchemaRegistryConfig::parseUrl)
			.toList();
	}

	private static URI parseUrl(String url) {
		try {
			URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
			if (!List.of("http", "https", "mock").contains(uri.getScheme())) {
				throw new ConfigException(URL, url, "the scheme must be http, https or mock");
			}
			return uri;
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigException(URL, url, "not a URL: " + ex.getMessage());
		}
	}

	private static Optional<String> userInfo(ConfigValues values, List<URI> urls) {
		String source = values.string(BASIC_AUTH_CREDENTIALS_SOURCE).orElse("URL");
		return switch (source) {
			case "USER_INFO" -> Optional.of(values.string(BASIC_AUTH_USER_INFO)
				.filter((info) -> info.contains(":"))
				.orElseThrow(() -> new ConfigException(BASIC_AUTH_USER_INFO, null,
						"basic.auth.credentials.source=USER_INFO needs basic.auth.user.info=user:password")));
			case "URL" -> Optional.ofNullable(urls.get(0).getUserInfo());
			default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "supported: USER_INFO, URL");
		};
	}

	/** Reads a key as given, else with the {@code schema.registry.} prefix. */
	private record ConfigValues(Map<String, ?> configs) {

		Optional<String> string(String key) {
			Object value = this.configs.get(key);
			if (value == null && !key.startsWith(PREFIX)) {
				value = this.configs.get(PREFIX + key);
			}
			return Optional.ofNullable(value).map(String::valueOf).filter((text) -> !text.isBlank());
		}

		int integer(String key, int defaultValue) {
			return string(key).map((text) -> parseInt(key, text)).orElse(defaultValue);
		}

		private static int parseInt(String key, String text) {
			try {
				return Integer.parseInt(text.strip());
			}
			catch (NumberFormatException ex) {
				throw new ConfigException(key, text, "must be a whole number");
			}
		}

	}

}
