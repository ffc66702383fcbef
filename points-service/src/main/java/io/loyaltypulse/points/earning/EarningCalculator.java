package io.loyaltypulse.points.earning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.loyaltypulse.events.OrderLine;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.points.InvalidEventException;
import io.loyaltypulse.points.tiers.Tier;

/**
 * Points of a purchase, line by line:
 * {@code points(line) = round(lineAmount x base(currency) x category(line) x tier x best campaign)}
 * where {@code lineAmount = quantity x unitPrice x total / sum(quantity x unitPrice)}
 * shares order-level discounts out over the lines.
 *
 * <p>
 * The whole product is computed exactly with {@link BigDecimal} and divided once, with
 * the configured rounding, so no intermediate rounding or floating point ever touches
 * money. Rounding per line (not per order) is what lets a refund of a line take back
 * exactly what that line earned.
 */
public final class EarningCalculator {

	private final EarningRules rules;

	public EarningCalculator(EarningRules rules) {
		this.rules = rules;
	}

	public Earning earn(PurchaseCompleted purchase, Tier tier) {
		BigDecimal base = this.rules.baseRate(purchase.getCurrency())
			.orElseThrow(() -> new InvalidEventException("no earning base rate for currency " + purchase.getCurrency()
					+ " (configure loyalty.points.earning.base-rates." + purchase.getCurrency() + ")"));
		BigDecimal gross = grossOf(purchase.getLines());
		Optional<Campaign> campaign = this.rules.bestCampaign(purchase.getOccurredAt(), purchase.getStoreId(),
				purchase.getChannel());
		List<LineEarning> lines = new ArrayList<>();
		for (OrderLine line : purchase.getLines()) {
			lines.add(earnLine(line, purchase, gross, base, tier, campaign));
		}
		Earning earning = new Earning(lines, "");
		String explanation = "Purchase %s, %s %s: %s = %d points".formatted(purchase.getOrderId(),
				plain(purchase.getTotal()), purchase.getCurrency(),
				String.join("; ", lines.stream().map(LineEarning::explanation).toList()), earning.points());
		return new Earning(lines, explanation);
	}

	private LineEarning earnLine(OrderLine line, PurchaseCompleted purchase, BigDecimal gross, BigDecimal base,
			Tier tier, Optional<Campaign> campaign) {
		BigDecimal lineGross = line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity()));
		BigDecimal category = this.rules.categoryMultiplier(line.getCategory());
		BigDecimal campaignMultiplier = campaign.map(Campaign::multiplier).orElse(BigDecimal.ONE);
		long points = 0;
		if (gross.signum() > 0) {
			BigDecimal exact = lineGross.multiply(purchase.getTotal())
				.multiply(base)
				.multiply(category)
				.multiply(tier.multiplier())
				.multiply(campaignMultiplier);
			points = exact.divide(gross, 0, this.rules.rounding()).longValueExact();
		}
		StringBuilder explanation = new StringBuilder().append("line ")
			.append(line.getLineId())
			.append(" ")
			.append(line.getCategory())
			.append(" ")
			.append(line.getQuantity())
			.append(" x ")
			.append(plain(line.getUnitPrice()));
		if (gross.compareTo(purchase.getTotal()) != 0) {
			explanation.append(" (order discount shared: x ")
				.append(plain(purchase.getTotal()))
				.append("/")
				.append(plain(gross))
				.append(")");
		}
		explanation.append(" x ").append(plain(base)).append(" pt/").append(purchase.getCurrency());
		appendMultiplier(explanation, category, "category " + line.getCategory());
		appendMultiplier(explanation, tier.multiplier(), "tier " + tier.name());
		campaign.ifPresent((c) -> appendMultiplier(explanation, c.multiplier(), "campaign " + c.name()));
		explanation.append(" = ").append(points).append(" (rounded ").append(this.rules.rounding()).append(")");
		return new LineEarning(line.getLineId(), line.getQuantity(), points, explanation.toString());
	}

	private static void appendMultiplier(StringBuilder explanation, BigDecimal multiplier, String rule) {
		if (multiplier.compareTo(BigDecimal.ONE) != 0) {
			explanation.append(" x ").append(plain(multiplier)).append(" (").append(rule).append(")");
		}
	}

	private static BigDecimal grossOf(List<OrderLine> lines) {
		BigDecimal gross = BigDecimal.ZERO;
		for (OrderLine line : lines) {
			gross = gross.add(line.getUnitPrice().multiply(BigDecimal.valueOf(line.getQuantity())));
		}
		return gross;
	}

	static String plain(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
	}

}
