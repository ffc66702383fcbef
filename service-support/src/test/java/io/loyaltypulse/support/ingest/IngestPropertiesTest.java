package io.loyaltypulse.support.ingest;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IngestPropertiesTest {

	private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(WithIngestProperties.class);

	@Test
	void shouldDefaultTheMaxPastAgeToTenYears() {
		this.context.run((context) -> assertThat(context.getBean(IngestProperties.class).maxPastAge())
			.isEqualTo(Duration.ofDays(3650)));
	}

	@Test
	void shouldRefuseToStartWithAMaxPastAgeThatIsNotPositive() {
		this.context.withPropertyValues("loyalty.ingest.max-past-age=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("loyalty.ingest.max-past-age"));
		assertThatIllegalArgumentException().isThrownBy(() -> properties(Duration.ofDays(-1)));
	}

	@Test
	void shouldNeverAcceptAnOccurredAtBeforeTheEpoch() {
		assertThat(properties(Duration.ofDays(3650)).earliestOccurredAt(NOW))
			.isEqualTo(NOW.minus(Duration.ofDays(3650)));
		assertThat(properties(Duration.ofDays(365 * 100)).earliestOccurredAt(NOW)).isEqualTo(Instant.EPOCH);
		assertThat(properties(Duration.ofSeconds(Long.MAX_VALUE)).earliestOccurredAt(NOW)).isEqualTo(Instant.EPOCH);
	}

	private static IngestProperties properties(Duration maxPastAge) {
		return new IngestProperties(DataSize.ofKilobytes(64), Duration.ofMinutes(5), maxPastAge,
				new IngestProperties.Batch(1000, DataSize.ofMegabytes(5)));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(IngestProperties.class)
	static class WithIngestProperties {

	}

}
