package io.loyaltypulse.schemas.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaRegistryConfigTest {

	@Test
	void shouldReadConfluentKeys() {
		SchemaRegistryConfig config = SchemaRegistryConfig
			.from(Map.of("schema.registry.url", "http://a:8081/, http://b:8081", "basic.auth.credentials.source",
					"USER_INFO", "schema.registry.basic.auth.user.info", "u:p", "max.retries", "5", "retries.wait.ms",
					"50", "http.read.timeout.ms", "2500"));

		assertThat(config.urls()).containsExactly(URI.create("http://a:8081"), URI.create("http://b:8081"));
		assertThat(config.userInfo()).contains("u:p");
		assertThat(config.retry().maxRetries()).isEqualTo(5);
		assertThat(config.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
		assertThat(config.mockScope()).isEmpty();
	}

	@Test
	void shouldTakeCredentialsFromTheUrlByDefault() {
		assertThat(SchemaRegistryConfig.from(Map.of("schema.registry.url", "https://u:p@registry:8081")).userInfo())
			.contains("u:p");
	}

	@Test
	void shouldRecogniseAMockScope() {
		assertThat(SchemaRegistryConfig.from(Map.of("schema.registry.url", "mock://unit")).mockScope())
			.contains("unit");
	}

	@Test
	void shouldExplainMissingOrInvalidSettings() {
		assertThatThrownBy(() -> SchemaRegistryConfig.from(Map.of())).isInstanceOf(ConfigException.class)
			.hasMessageContaining("schema.registry.url");
		assertThatThrownBy(() -> SchemaRegistryConfig.from(Map.of("schema.registry.url", "ftp://x")))
			.hasMessageContaining("http, https or mock");
		assertThatThrownBy(() -> SchemaRegistryConfig
			.from(Map.of("schema.registry.url", "http://x", "basic.auth.credentials.source", "USER_INFO")))
			.hasMessageContaining("basic.auth.user.info");
		assertThatThrownBy(
				() -> SchemaRegistryConfig.from(Map.of("schema.registry.url", "http://x", "max.retries", "x")))
			.hasMessageContaining("whole number");
	}

	@Test
	void shouldDoubleTheRetryWaitUpToTheCap() {
		RetryPolicy retry = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));

		assertThat(retry.waitBefore(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(retry.waitBefore(3)).isEqualTo(Duration.ofMillis(400));
		assertThat(retry.waitBefore(9)).isEqualTo(Duration.ofMillis(1000));
	}

}
