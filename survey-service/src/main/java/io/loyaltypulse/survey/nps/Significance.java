package io.loyaltypulse.survey.nps;

/**
 * The change of NPS from one period to the next, and whether it is more than noise.
 *
 * <p>
 * Rule: change = NPS2 - NPS1, significant only when |change| > z sqrt(SE1^2 + SE2^2),
 * each SE the one behind its period's margin; none when either period is withheld.
 */
public final class Significance {

	/**
	 * @param change the change in points, or null when either period is withheld
	 * @param significant whether the change exceeds what chance explains at the
	 * confidence level
	 */
	public record Change(Double change, boolean significant) {

		public static final Change NONE = new Change(null, false);

	}

	private Significance() {
	}

	public static Change between(NpsEstimate previous, NpsEstimate current, double z) {
		if (previous == null || previous.withheld() || current.withheld()) {
			return Change.NONE;
		}
		double change = current.nps() - previous.nps();
		double threshold = z * Math.sqrt(previous.standardError() * previous.standardError()
				+ current.standardError() * current.standardError());
		return new Change(change, Math.abs(change) > threshold);
	}

}
