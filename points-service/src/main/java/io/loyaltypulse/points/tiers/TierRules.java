package io.loyaltypulse.points.tiers;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The tier ladder from {@code loyalty.points.tiers.*}, lowest first, and how many days
 * before a downgrade the customer is warned.
 *
 * @param ladder tiers by ascending threshold; the first has threshold 0
 * @param warningDays days before the end of a tier period when a downgrade warning is
 * sent
 */
public record TierRules(List<Tier> ladder, int warningDays) {

	public TierRules {
		ladder = ladder.stream().sorted(Comparator.comparingLong(Tier::threshold)).toList();
	}

	public Tier base() {
		return this.ladder.get(0);
	}

	/** The highest tier these qualifying points reach. */
	public Tier tierFor(long qualifyingPoints) {
		Tier reached = base();
		for (Tier tier : this.ladder) {
			if (qualifyingPoints >= tier.threshold()) {
				reached = tier;
			}
		}
		return reached;
	}

	/**
	 * The tier of this name; a name no longer configured falls back to the base tier.
	 */
	public Tier named(String name) {
		return this.ladder.stream().filter((tier) -> tier.name().equals(name)).findFirst().orElse(base());
	}

	public Optional<Tier> above(Tier tier) {
		int index = this.ladder.indexOf(tier);
		return (index >= 0 && index + 1 < this.ladder.size()) ? Optional.of(this.ladder.get(index + 1))
				: Optional.empty();
	}

	boolean isAbove(Tier tier, Tier other) {
		return tier.threshold() > other.threshold();
	}

}
