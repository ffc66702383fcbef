package io.loyaltypulse.points.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules are validated at start-up, and a wrong one stops the service with a message
 * that names the property.
 */
class PointsPropertiesTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Config.class)
		.withPropertyValues("loyalty.points.earning.base-rates.EUR=1", "loyalty.points.tiers[0].name=BASE",
				"loyalty.points.tiers[0].threshold=0", "loyalty.points.tiers[1].name=GOLD",
				"loyalty.points.tiers[1].threshold=1000", "loyalty.points.tiers[1].multiplier=1.5");

	@Test
	void shouldBindValidRulesWithDefaults() {
		this.runner
			.withPropertyValues("loyalty.points.earning.category-multipliers.BOOKS=2",
					"loyalty.points.earning.campaigns[0].name=BF", "loyalty.points.earning.campaigns[0].multiplier=2",
					"loyalty.points.earning.campaigns[0].from=2026-11-27T00:00:00Z",
					"loyalty.points.earning.campaigns[0].to=2026-11-28T00:00:00Z",
					"loyalty.points.earning.campaigns[0].store-ids=S1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PointsProperties properties = context.getBean(PointsProperties.class);
				assertThat(properties.earningRules().rounding()).isEqualTo(RoundingMode.DOWN);
				assertThat(properties.earningRules().campaigns()).singleElement()
					.satisfies((campaign) -> assertThat(campaign.storeIds()).containsExactly("S1"));
				assertThat(properties.tierRules().tierFor(1000).multiplier())
					.isEqualByComparingTo(new BigDecimal("1.5"));
				assertThat(properties.ledgerPolicy().expiryMonths()).isEqualTo(24);
				assertThat(properties.topologyOptions().maxClockSkew()).isEqualTo(Duration.ofHours(1));
				assertThat(properties.topologyOptions().maxPointsPerEvent()).isEqualTo(10_000_000L);
			});
	}

	@Test
	void shouldRefuseANegativeClockSkewOrAZeroPointsCap() {
		assertFailure("loyalty.points.max-clock-skew=-1m", "max-clock-skew must not be negative");
		assertFailure("loyalty.points.max-points-per-event=0", "maxPointsPerEvent");
	}

	@Test
	void shouldRefuseAnUnknownCurrency() {
		assertFailure("loyalty.points.earning.base-rates.EURO=1", "ISO 4217");
	}

	@Test
	void shouldRefuseANegativeMultiplier() {
		assertFailure("loyalty.points.earning.category-multipliers.BOOKS=-2", "categoryMultipliers[BOOKS]");
	}

	@Test
	void shouldRefuseACampaignThatEndsBeforeItStarts() {
		this.runner
			.withPropertyValues("loyalty.points.earning.campaigns[0].name=BF",
					"loyalty.points.earning.campaigns[0].multiplier=2",
					"loyalty.points.earning.campaigns[0].from=2026-11-28T00:00:00Z",
					"loyalty.points.earning.campaigns[0].to=2026-11-27T00:00:00Z")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("a campaign must end after it starts"));
	}

	@Test
	void shouldRefuseATierLadderWithoutABaseTier() {
		assertFailure("loyalty.points.tiers[0].threshold=10", "exactly one tier must have threshold 0");
	}

	@Test
	void shouldRefuseExpiryWithinTheReturnWindow() {
		assertFailure("loyalty.points.return-window=90d", "expiry-months", "loyalty.points.expiry-months=1");
	}

	private void assertFailure(String property, String message, String... more) {
		this.runner.withPropertyValues(property)
			.withPropertyValues(more)
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining(message));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(PointsProperties.class)
	static class Config {

	}

}
