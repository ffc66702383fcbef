package io.loyaltypulse.points.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.loyaltypulse.points.earning.Campaign;
import io.loyaltypulse.points.earning.EarningRules;
import io.loyaltypulse.points.ledger.EngagementBonuses;
import io.loyaltypulse.points.ledger.LedgerPolicy;
import io.loyaltypulse.points.ledger.NegativeBalancePolicy;
import io.loyaltypulse.points.tiers.Tier;
import io.loyaltypulse.points.tiers.TierRules;
import io.loyaltypulse.points.topology.PointsTopology;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The points rules and the engine's settings, {@code loyalty.points.*}, validated at
 * start-up: a service with rules that cannot be applied (no base rate, a campaign that
 * ends before it starts, a tier ladder without a base tier) refuses to start and says
 * which property is wrong, rather than earning wrong points.
 *
 * @param earning how purchases earn
 * @param tiers the tier ladder, any order; one tier must have threshold 0
 * @param tierWarningDays days before the end of a tier period that a downgrade warning is
 * sent
 * @param returnWindow earned points stay pending this long
 * @param expiryMonths lots expire this many months after their credit
 * @param negativeBalancePolicy what a refund of already spent points does
 * @param surveyBonusPoints bonus for answering a survey, once per survey; 0 disables
 * @param dedupRetention processed event ids and decided requests are remembered this long
 * (event time); an older event goes to the dead-letter topic, since it could be a
 * forgotten duplicate
 * @param allowedLateness expiry and tier periods are applied by the punctuator this long
 * after they fall due, so that events up to this late give the ledger a replay gives
 * @param orderRetention orders are kept for refunds this long; a refund of an older order
 * goes to the dead-letter topic
 * @param punctuationInterval how often expiry and tier periods are applied
 * @param idleAdvance a task idle this long advances to the wall clock
 * @param transactionsRetention ledger entries are kept this long for the transactions
 * query
 * @param expiringWithinDays default horizon of "expiring soon" in the balance query
 * @param requestTimeout how long a redemption call waits for its outcome
 * @param maxClockSkew how far ahead of the wall clock an event's occurredAt may be; a
 * later one goes to the dead-letter topic (it would expire lots and end tier periods
 * early)
 * @param maxPointsPerEvent a purchase earning more points than this goes to the
 * dead-letter topic (absurd quantities or prices)
 * @param reviewBonusPoints bonus for a published review of a bought item not returned,
 * once per order line; 0 disables
 * @param maxReviewBonusesPerMonth review bonuses per customer and calendar month at most
 * @param referrerBonusPoints bonus for a referrer whose referred customer's first
 * purchase passed its return window without a full refund; 0 disables
 * @param referredBonusPoints bonus for that referred customer; 0 disables
 * @param maxReferralBonusesPerYear referral bonuses per referrer and calendar year at
 * most
 */
@Validated
@ConfigurationProperties("loyalty.points")
public record PointsProperties(@Valid @NotNull Earning earning, @NotEmpty List<@Valid TierProperties> tiers,
		@DefaultValue("30") @Min(0) int tierWarningDays, @DefaultValue("30d") @NotNull Duration returnWindow,
		@DefaultValue("24") @Min(1) int expiryMonths,
		@DefaultValue("ALLOW_NEGATIVE") @NotNull NegativeBalancePolicy negativeBalancePolicy,
		@DefaultValue("50") @Min(0) long surveyBonusPoints, @DefaultValue("400d") @NotNull Duration dedupRetention,
		@DefaultValue("1h") @NotNull Duration allowedLateness, @DefaultValue("400d") @NotNull Duration orderRetention,
		@DefaultValue("60s") @NotNull Duration punctuationInterval, @DefaultValue("30s") @NotNull Duration idleAdvance,
		@DefaultValue("400d") @NotNull Duration transactionsRetention,
		@DefaultValue("30") @Min(0) int expiringWithinDays, @DefaultValue("10s") @NotNull Duration requestTimeout,
		@DefaultValue("1h") @NotNull Duration maxClockSkew, @DefaultValue("10000000") @Min(1) long maxPointsPerEvent,
		@DefaultValue("20") @Min(0) long reviewBonusPoints, @DefaultValue("5") @Min(1) int maxReviewBonusesPerMonth,
		@DefaultValue("200") @Min(0) long referrerBonusPoints, @DefaultValue("100") @Min(0) long referredBonusPoints,
		@DefaultValue("10") @Min(1) int maxReferralBonusesPerYear) {

	@AssertTrue(
			message = "exactly one tier must have threshold 0 (the base tier), and names and thresholds must be unique")
	public boolean isTierLadderValid() {
		if (this.tiers == null || this.tiers.isEmpty()) {
			return true;
		}
		Set<String> names = new HashSet<>();
		Set<Long> thresholds = new HashSet<>();
		for (TierProperties tier : this.tiers) {
			if (!names.add(tier.name()) || !thresholds.add(tier.threshold())) {
				return false;
			}
		}
		return thresholds.contains(0L);
	}

	@AssertTrue(message = "expiry-months must leave the points available for longer than the return-window")
	public boolean isExpiryAfterReturnWindow() {
		return this.returnWindow == null || Duration.ofDays(28L * this.expiryMonths).compareTo(this.returnWindow) > 0;
	}

	@AssertTrue(
			message = "return-window, allowed-lateness, idle-advance and max-clock-skew must not be negative; dedup-retention, order-retention, transactions-retention, punctuation-interval and request-timeout must be positive")
	public boolean isDurationsValid() {
		return this.returnWindow == null || this.punctuationInterval == null || this.idleAdvance == null
				|| this.dedupRetention == null || this.orderRetention == null || this.requestTimeout == null
				|| this.maxClockSkew == null || this.allowedLateness == null || this.transactionsRetention == null
				|| (!this.returnWindow.isNegative() && this.punctuationInterval.isPositive()
						&& !this.idleAdvance.isNegative() && this.dedupRetention.isPositive()
						&& this.orderRetention.isPositive() && this.requestTimeout.isPositive()
						&& !this.maxClockSkew.isNegative() && !this.allowedLateness.isNegative()
						&& this.transactionsRetention.isPositive());
	}

	/**
	 * A refund can only be exact while its order is kept, and the order is kept only as
	 * long as its purchase could still be recognised as a duplicate; the lateness the
	 * punctuator waits for must be far shorter than what is remembered.
	 */
	@AssertTrue(
			message = "order-retention must be at least the return-window and at most dedup-retention, and allowed-lateness shorter than dedup-retention")
	public boolean isRetentionConsistent() {
		return this.returnWindow == null || this.dedupRetention == null || this.orderRetention == null
				|| this.allowedLateness == null
				|| (this.orderRetention.compareTo(this.returnWindow) >= 0
						&& this.orderRetention.compareTo(this.dedupRetention) <= 0
						&& this.allowedLateness.compareTo(this.dedupRetention) < 0);
	}

	public EarningRules earningRules() {
		List<Campaign> campaigns = new ArrayList<>();
		for (CampaignProperties campaign : this.earning.campaigns()) {
			campaigns.add(new Campaign(campaign.name(), campaign.multiplier(), campaign.from(), campaign.to(),
					campaign.storeIds(), campaign.channels()));
		}
		return new EarningRules(this.earning.baseRates(), this.earning.categoryMultipliers(), campaigns,
				this.earning.rounding());
	}

	public TierRules tierRules() {
		return new TierRules(
				this.tiers.stream().map((tier) -> new Tier(tier.name(), tier.threshold(), tier.multiplier())).toList(),
				this.tierWarningDays);
	}

	public LedgerPolicy ledgerPolicy() {
		return new LedgerPolicy(this.returnWindow, this.expiryMonths, this.negativeBalancePolicy,
				this.surveyBonusPoints, new EngagementBonuses(this.reviewBonusPoints, this.maxReviewBonusesPerMonth,
						this.referrerBonusPoints, this.referredBonusPoints, this.maxReferralBonusesPerYear));
	}

	public PointsTopology.Options topologyOptions() {
		return new PointsTopology.Options(this.punctuationInterval, this.idleAdvance, this.allowedLateness,
				this.maxClockSkew, this.maxPointsPerEvent, this.dedupRetention, this.orderRetention,
				this.transactionsRetention);
	}

	/**
	 * @param baseRates points per currency unit, by ISO 4217 code, for example
	 * {@code EUR: 1}
	 * @param categoryMultipliers by product category; unlisted categories earn x1
	 * @param campaigns time-boxed multipliers; the highest applicable one wins
	 * @param rounding how a line's exact points are made whole
	 */
	public record Earning(@NotEmpty Map<String, @NotNull @Positive BigDecimal> baseRates,
			@DefaultValue Map<String, @NotNull @Positive BigDecimal> categoryMultipliers,
			@DefaultValue List<@Valid CampaignProperties> campaigns,
			@DefaultValue("DOWN") @NotNull RoundingMode rounding) {

		@AssertTrue(message = "base-rates keys must be ISO 4217 currency codes, for example EUR")
		public boolean isCurrenciesValid() {
			if (this.baseRates == null) {
				return true;
			}
			for (String code : this.baseRates.keySet()) {
				try {
					Currency.getInstance(code);
				}
				catch (IllegalArgumentException ex) {
					return false;
				}
			}
			return true;
		}

		@AssertTrue(message = "rounding must not be UNNECESSARY: points of a line are rarely whole")
		public boolean isRoundingUsable() {
			return this.rounding != RoundingMode.UNNECESSARY;
		}

	}

	/**
	 * @param name shown in explanations
	 * @param multiplier greater than zero
	 * @param from start, inclusive (ISO-8601 instant)
	 * @param to end, exclusive
	 * @param storeIds limit to these stores; empty means all
	 * @param channels limit to these channels; empty means all
	 */
	public record CampaignProperties(@NotBlank String name, @NotNull @Positive BigDecimal multiplier,
			@NotNull Instant from, @NotNull Instant to, @DefaultValue Set<String> storeIds,
			@DefaultValue Set<String> channels) {

		@AssertTrue(message = "a campaign must end after it starts (to > from)")
		public boolean isPeriodValid() {
			return this.from == null || this.to == null || this.to.isAfter(this.from);
		}

	}

	/**
	 * @param name for example GOLD
	 * @param threshold qualifying points over 12 months to reach it
	 * @param multiplier earning multiplier while held
	 */
	public record TierProperties(@NotBlank String name, @Min(0) long threshold,
			@DefaultValue("1") @NotNull @Positive BigDecimal multiplier) {
	}

}
