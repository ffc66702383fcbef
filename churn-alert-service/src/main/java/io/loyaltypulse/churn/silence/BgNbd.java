package io.loyaltypulse.churn.silence;

import org.apache.commons.math3.special.Gamma;

/**
 * The BG/NBD model's two formulas the service needs (Fader, Hardie and Lee 2005, eq. 6
 * and 13):
 * {@code P(alive | x, tx, T) = 1 / (1 + [x > 0] * a / (b + x - 1) * ((alpha + T) / (alpha + tx))^(r + x))},
 * and the log-likelihood of one customer's history, which the fitter sums.
 */
public final class BgNbd {

	private BgNbd() {
	}

	/**
	 * The probability that a customer with this history is still active now: 1 without a
	 * repeat purchase (the model lets a customer drop out only after a purchase), and
	 * lower the longer the silence compared with the customer's own rate.
	 */
	public static double probabilityAlive(BgNbdParameters p, PurchaseHistory h) {
		if (h.x() == 0) {
			return 1.0;
		}
		// In logs, so that (alpha + T) / (alpha + tx) to a large power does not overflow.
		double logOdds = Math.log(p.a()) - Math.log(p.b() + h.x() - 1)
				+ (p.r() + h.x()) * (Math.log(p.alpha() + h.T()) - Math.log(p.alpha() + h.tx()));
		return 1.0 / (1.0 + Math.exp(logOdds));
	}

	/**
	 * The probability that the customer makes no purchase in the next {@code horizon}
	 * (the model's time unit): gone, or alive and silent that long,
	 * {@code 1 - P(alive) + P(alive) * ((alpha + T) / (alpha + T + horizon))^(r + x)}.
	 */
	public static double probabilityNoPurchaseWithin(BgNbdParameters p, PurchaseHistory h, double horizon) {
		double alive = probabilityAlive(p, h);
		double silentIfAlive = Math
			.exp((p.r() + h.x()) * (Math.log(p.alpha() + h.T()) - Math.log(p.alpha() + h.T() + horizon)));
		return 1 - alive + alive * silentIfAlive;
	}

	/**
	 * {@code ln L(r, alpha, a, b | x, tx, T)}: the likelihood of having made x repeat
	 * purchases with the last at tx and none since, as either still alive at T or having
	 * dropped out after the last purchase.
	 */
	public static double logLikelihood(BgNbdParameters p, PurchaseHistory h) {
		double r = p.r();
		double alpha = p.alpha();
		double a = p.a();
		double b = p.b();
		int x = h.x();
		double common = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha);
		double aliveAtT = Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x)
				- (r + x) * Math.log(alpha + h.T());
		if (x == 0) {
			return common + aliveAtT;
		}
		double goneAfterTx = Gamma.logGamma(a + b) + Gamma.logGamma(a + 1) + Gamma.logGamma(b + x - 1)
				- Gamma.logGamma(a) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x)
				- (r + x) * Math.log(alpha + h.tx());
		return common + logSumExp(aliveAtT, goneAfterTx);
	}

	private static double logSumExp(double u, double v) {
		double max = Math.max(u, v);
		return max + Math.log(Math.exp(u - max) + Math.exp(v - max));
	}

}
