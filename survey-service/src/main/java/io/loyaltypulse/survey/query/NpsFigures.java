package io.loyaltypulse.survey.query;

import io.loyaltypulse.survey.nps.NpsEstimate;

/**
 * The numbers of one NPS as the API answers them (points from -100 to 100, shares from 0
 * to 100); all but {@code n}, {@code skipped} and the flags are null when withheld.
 */
public record NpsFigures(Double nps, long n, Long promoters, Long passives, Long detractors, long skipped,
		Double promoterShare, Double detractorShare, Double marginOfError, Double low, Double high,
		boolean insufficient, boolean withheld) {

	static NpsFigures of(NpsEstimate estimate) {
		return new NpsFigures(estimate.nps(), estimate.n(), estimate.promoters(), estimate.passives(),
				estimate.detractors(), estimate.skipped(), estimate.promoterShare(), estimate.detractorShare(),
				estimate.marginOfError(), estimate.low(), estimate.high(), estimate.insufficient(),
				estimate.withheld());
	}

}
