package io.loyaltypulse.survey.query;

import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * NPS from raw answers, the straightforward way and independently of the service's code:
 * each answer is a value +1 (promoter), 0 (passive) or -1 (detractor); NPS is 100 times
 * their mean, the standard error that of a mean (sqrt(variance / n)); below the minimum
 * the adjusted Wald interval is the same computed with three pseudo-answers added (3/4
 * promoter, 3/4 detractor, 3/2 passive). z comes from commons-math3.
 */
final class ReferenceNps {

	static final int MINIMUM = 30;

	static final int FLOOR = 5;

	private ReferenceNps() {
	}

	/**
	 * @param nps null when withheld
	 * @param standardError in points, null when withheld
	 */
	record Expected(Double nps, long n, long skipped, long promoters, long passives, long detractors,
			Double marginOfError, Double low, Double high, boolean insufficient, boolean withheld,
			Double standardError) {
	}

	static double z(double confidence) {
		return Math.round(new NormalDistribution().inverseCumulativeProbability((1 + confidence) / 2) * 1000) / 1000.0;
	}

	/**
	 * @param answers scores 0-10, null for a skipped question
	 */
	static Expected of(List<Integer> answers, double z) {
		long n = 0;
		long skipped = 0;
		long promoters = 0;
		long detractors = 0;
		double sum = 0;
		double sumOfSquares = 0;
		for (Integer score : answers) {
			if (score == null) {
				skipped++;
				continue;
			}
			n++;
			int value = (score >= 9) ? 1 : (score <= 6) ? -1 : 0;
			promoters += (value == 1) ? 1 : 0;
			detractors += (value == -1) ? 1 : 0;
			sum += value;
			sumOfSquares += value * value;
		}
		if (n < FLOOR) {
			return new Expected(null, n, skipped, 0, 0, 0, null, null, null, n < MINIMUM, true, null);
		}
		double weight = n;
		if (n < MINIMUM) {
			// Pseudo-answers: +3/4 and -3/4 cancel in the sum; their squares add 3/2.
			weight = n + 3;
			sumOfSquares += 1.5;
		}
		double mean = sum / weight;
		double variance = sumOfSquares / weight - mean * mean;
		double standardError = 100 * Math.sqrt(variance / weight);
		double margin = z * standardError;
		return new Expected(100.0 * sum / n, n, skipped, promoters, n - promoters - detractors, detractors, margin,
				Math.max(-100, 100 * mean - margin), Math.min(100, 100 * mean + margin), n < MINIMUM, false,
				standardError);
	}

	/** Whether the change from one to the other is significant at z. */
	static boolean significant(Expected previous, Expected current, double z) {
		return Math.abs(current.nps() - previous.nps()) > z
				* Math.sqrt(Math.pow(previous.standardError(), 2) + Math.pow(current.standardError(), 2));
	}

}
