package io.loyaltypulse.survey.nps;

/**
 * The z of a two-sided confidence level, as margins of error and significance tests use
 * it.
 *
 * <p>
 * Rule: z = the standard normal quantile of (1 + confidence) / 2, rounded to 3 decimals
 * (0.95 gives 1.96, 0.90 gives 1.645, 0.99 gives 2.576).
 */
public final class Confidence {

	public static final double MIN = 0.5;

	public static final double MAX = 0.9999;

	private Confidence() {
	}

	/**
	 * @throws IllegalArgumentException outside {@code [0.5, 0.9999]}
	 */
	public static double z(double confidence) {
		if (!(confidence >= MIN && confidence <= MAX)) {
			throw new IllegalArgumentException("must be from " + MIN + " to " + MAX + ", such as 0.95");
		}
		return Math.round(normalQuantile((1 + confidence) / 2) * 1000) / 1000.0;
	}

	/**
	 * The standard normal quantile, by Acklam's rational approximation (relative error
	 * below 1.2e-9, far below the rounding to 3 decimals).
	 */
	static double normalQuantile(double p) {
		double[] a = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
				-3.066479806614716e+01, 2.506628277459239e+00 };
		double[] b = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
				-1.328068155288572e+01 };
		double[] c = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
				4.374664141464968e+00, 2.938163982698783e+00 };
		double[] d = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00 };
		double low = 0.02425;
		if (p < low) {
			double q = Math.sqrt(-2 * Math.log(p));
			return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
					/ ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
		}
		if (p > 1 - low) {
			return -normalQuantile(1 - p);
		}
		double q = p - 0.5;
		double r = q * q;
		return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
				/ (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
	}

}
