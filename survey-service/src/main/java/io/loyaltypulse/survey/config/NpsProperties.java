package io.loyaltypulse.survey.config;

import java.time.Duration;
import java.util.List;

import io.loyaltypulse.survey.nps.NpsEstimator;
import io.loyaltypulse.survey.nps.SliceSet;
import io.loyaltypulse.survey.nps.Slicing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code loyalty.nps.*}: what the NPS engine counts and how its numbers are shown.
 *
 * @param slices combinations counted on top of {@code all} and each single dimension,
 * such as {@code store+touchpoint}
 * @param minimumAnswers below this n a score is flagged insufficient (its margin is
 * adjusted-Wald)
 * @param privacyFloor below this n a score is withheld
 * @param retention how long the counts of a day, and the counted version of each
 * response, are kept after the newest answer
 * @param defaultWindow the period of a query that names neither from/to nor a window
 */
@ConfigurationProperties("loyalty.nps")
public record NpsProperties(@DefaultValue List<String> slices, @DefaultValue("30") int minimumAnswers,
		@DefaultValue("5") int privacyFloor, @DefaultValue("1100d") Duration retention,
		@DefaultValue("30d") Duration defaultWindow) {

	public NpsProperties {
		slicing(slices);
		new NpsEstimator(minimumAnswers, privacyFloor);
		if (retention.compareTo(Duration.ofDays(2)) < 0) {
			throw new IllegalArgumentException("loyalty.nps.retention must be at least 2d, not " + retention);
		}
		if (defaultWindow.toDays() < 1 || !defaultWindow.equals(Duration.ofDays(defaultWindow.toDays()))) {
			throw new IllegalArgumentException(
					"loyalty.nps.default-window must be whole days, such as 30d, not " + defaultWindow);
		}
	}

	public Slicing slicing() {
		return slicing(this.slices);
	}

	public NpsEstimator estimator() {
		return new NpsEstimator(this.minimumAnswers, this.privacyFloor);
	}

	private static Slicing slicing(List<String> slices) {
		try {
			return new Slicing(slices.stream().map(SliceSet::parse).toList());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("loyalty.nps.slices: " + ex.getMessage(), ex);
		}
	}

}
