package io.loyaltypulse.points.earning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a purchase turns into points, from {@code loyalty.points.earning.*}. Immutable and
 * validated by {@code PointsProperties} before the topology starts.
 *
 * @param baseRates points per currency unit, by ISO 4217 currency code
 * @param categoryMultipliers multiplier by product category; a category not listed earns
 * at 1
 * @param campaigns time-boxed multipliers; when several apply, the highest wins (they do
 * not stack, so overlapping campaigns never surprise the finance team)
 * @param rounding how a line's exact points are made whole, once, at the end
 */
public record EarningRules(Map<String, BigDecimal> baseRates, Map<String, BigDecimal> categoryMultipliers,
		List<Campaign> campaigns, RoundingMode rounding) {

	public EarningRules {
		baseRates = Map.copyOf(baseRates);
		categoryMultipliers = Map.copyOf(categoryMultipliers);
		campaigns = List.copyOf(campaigns);
	}

	Optional<BigDecimal> baseRate(String currency) {
		return Optional.ofNullable(this.baseRates.get(currency));
	}

	BigDecimal categoryMultiplier(String category) {
		return this.categoryMultipliers.getOrDefault(category, BigDecimal.ONE);
	}

	Optional<Campaign> bestCampaign(Instant at, String storeId, String channel) {
		return this.campaigns.stream()
			.filter((campaign) -> campaign.appliesTo(at, storeId, channel))
			.max(Comparator.comparing(Campaign::multiplier));
	}

}
