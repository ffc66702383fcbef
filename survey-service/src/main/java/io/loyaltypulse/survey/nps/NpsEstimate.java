package io.loyaltypulse.survey.nps;

/**
 * The NPS of a set of answers, as a manager reads it. Scores and shares are in points
 * from -100 to 100 (shares 0 to 100); a withheld estimate carries only {@code n},
 * {@code skipped} and its flags, so that one answer cannot be singled out.
 *
 * @param nps %promoters - %detractors, or null when withheld
 * @param n answers with a score
 * @param promoters answers scoring 9-10, or null when withheld
 * @param passives answers scoring 7-8, or null when withheld
 * @param detractors answers scoring 0-6, or null when withheld
 * @param skipped responses without a score (not part of n)
 * @param promoterShare %promoters, or null when withheld
 * @param detractorShare %detractors, or null when withheld
 * @param marginOfError half the width of the interval before clipping, or null when
 * withheld
 * @param low the interval's lower end, clipped to -100, or null when withheld
 * @param high the interval's upper end, clipped to 100, or null when withheld
 * @param insufficient n is below the minimum: shown, but not to be trusted (its margin is
 * adjusted-Wald)
 * @param withheld n is below the privacy floor: nothing but n is shown
 * @param standardError the standard error behind the margin (margin / z), in points, for
 * significance tests; null when withheld
 */
public record NpsEstimate(Double nps, long n, Long promoters, Long passives, Long detractors, long skipped,
		Double promoterShare, Double detractorShare, Double marginOfError, Double low, Double high,
		boolean insufficient, boolean withheld, Double standardError) {

}
