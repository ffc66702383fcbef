package io.loyaltypulse.survey.nps;

/**
 * The NPS of counted answers with its margin of error at a confidence level (z).
 *
 * <p>
 * Rule: NPS = 100 (P - D) / n; margin = 100 z sqrt(((p + d) - (p - d)^2) / n) around it
 * (Wald) when n reaches the minimum, else around 100 (p' - d') with n' = n + 3, p' = (P +
 * 3/4) / n', d' = (D + 3/4) / n' (adjusted Wald); the interval clipped to [-100, 100];
 * below the minimum flagged insufficient, below the privacy floor withheld.
 */
public final class NpsEstimator {

	private final int minimumAnswers;

	private final int privacyFloor;

	/**
	 * @param minimumAnswers below this n an estimate is insufficient (30)
	 * @param privacyFloor below this n an estimate is withheld (5), at least 1 and at
	 * most the minimum
	 */
	public NpsEstimator(int minimumAnswers, int privacyFloor) {
		if (privacyFloor < 1 || privacyFloor > minimumAnswers) {
			throw new IllegalArgumentException(
					"loyalty.nps.privacy-floor must be from 1 to loyalty.nps.minimum-answers (" + minimumAnswers
							+ "), not " + privacyFloor);
		}
		this.minimumAnswers = minimumAnswers;
		this.privacyFloor = privacyFloor;
	}

	public int minimumAnswers() {
		return this.minimumAnswers;
	}

	public int privacyFloor() {
		return this.privacyFloor;
	}

	public NpsEstimate estimate(AnswerCounts counts, double z) {
		long n = counts.answered();
		boolean insufficient = n < this.minimumAnswers;
		if (n < this.privacyFloor) {
			return new NpsEstimate(null, n, null, null, null, counts.skipped(), null, null, null, null, null,
					insufficient, true, null);
		}
		long promoters = counts.promoters();
		long detractors = counts.detractors();
		double p = (double) promoters / n;
		double d = (double) detractors / n;
		double center;
		double standardError;
		if (insufficient) {
			double adjustedN = n + 3;
			double adjustedP = (promoters + 0.75) / adjustedN;
			double adjustedD = (detractors + 0.75) / adjustedN;
			center = adjustedP - adjustedD;
			standardError = standardError(adjustedP, adjustedD, adjustedN);
		}
		else {
			center = p - d;
			standardError = standardError(p, d, n);
		}
		double margin = 100 * z * standardError;
		return new NpsEstimate(100 * (p - d), n, promoters, counts.passives(), detractors, counts.skipped(), 100 * p,
				100 * d, margin, clip(100 * center - margin), clip(100 * center + margin), insufficient, false,
				100 * standardError);
	}

	/** sqrt(((p + d) - (p - d)^2) / n): the standard error of p - d. */
	private static double standardError(double p, double d, double n) {
		return Math.sqrt(Math.max(0, (p + d) - (p - d) * (p - d)) / n);
	}

	private static double clip(double value) {
		return Math.max(-100, Math.min(100, value));
	}

}
