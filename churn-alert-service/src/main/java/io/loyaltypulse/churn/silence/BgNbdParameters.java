package io.loyaltypulse.churn.silence;

/**
 * The population parameters of the BG/NBD model (Fader, Hardie and Lee 2005): purchase
 * rates while alive are gamma(r, alpha) across customers, and the chance of dropping out
 * after a purchase is beta(a, b) across customers.
 */
public record BgNbdParameters(double r, double alpha, double a, double b) {

	public BgNbdParameters {
		if (!(r > 0 && alpha > 0 && a > 0 && b > 0) || !Double.isFinite(r + alpha + a + b)) {
			throw new IllegalArgumentException(
					"BG/NBD parameters must be positive and finite: r=%s, alpha=%s, a=%s, b=%s".formatted(r, alpha, a,
							b));
		}
	}

}
