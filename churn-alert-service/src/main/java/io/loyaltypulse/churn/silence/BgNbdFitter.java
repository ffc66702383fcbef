package io.loyaltypulse.churn.silence;

import java.util.List;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Fits the BG/NBD population parameters by maximum likelihood:
 * {@code argmax over (r, alpha, a, b) > 0 of sum over customers of ln L(r, alpha, a, b | x, tx, T)}.
 * Nelder-Mead on the logarithms of the parameters, which keeps them positive without
 * constraints, restarted from its own optimum until it stops improving (a simplex can
 * stall on a ridge of this likelihood).
 */
public final class BgNbdFitter {

	/** Where the search starts: 1 for every parameter, as the published fits do. */
	private static final double[] START = { 0, 0, 0, 0 };

	private static final int RESTARTS = 8;

	private static final int EVALUATIONS_PER_RUN = 20_000;

	/**
	 * The fitted parameters and the log-likelihood they reach on the histories.
	 */
	public record Fit(BgNbdParameters parameters, double logLikelihood, int customers) {
	}

	public Fit fit(List<PurchaseHistory> histories) {
		if (histories.isEmpty()) {
			throw new IllegalArgumentException("no purchase histories to fit the BG/NBD model on");
		}
		MultivariateFunction logLikelihood = (logs) -> withinRange(logs) ? sum(parameters(logs), histories)
				: Double.NEGATIVE_INFINITY;
		SimplexOptimizer optimizer = new SimplexOptimizer(1e-12, 1e-10);
		double[] best = START;
		double bestValue = Double.NEGATIVE_INFINITY;
		for (int run = 0; run < RESTARTS; run++) {
			PointValuePair result = optimizer.optimize(new MaxEval(EVALUATIONS_PER_RUN),
					new ObjectiveFunction(logLikelihood), GoalType.MAXIMIZE, new InitialGuess(best),
					new NelderMeadSimplex(4, 0.5));
			if (result.getValue() <= bestValue + 1e-9) {
				break;
			}
			best = result.getPoint();
			bestValue = result.getValue();
		}
		return new Fit(parameters(best), bestValue, histories.size());
	}

	private static double sum(BgNbdParameters parameters, List<PurchaseHistory> histories) {
		double total = 0;
		for (PurchaseHistory history : histories) {
			total += BgNbd.logLikelihood(parameters, history);
		}
		return Double.isFinite(total) ? total : Double.NEGATIVE_INFINITY;
	}

	/** Parameters between e^-30 and e^30: beyond, the simplex is lost, not converging. */
	private static boolean withinRange(double[] logs) {
		for (double log : logs) {
			if (!(Math.abs(log) < 30)) {
				return false;
			}
		}
		return true;
	}

	private static BgNbdParameters parameters(double[] logs) {
		return new BgNbdParameters(Math.exp(logs[0]), Math.exp(logs[1]), Math.exp(logs[2]), Math.exp(logs[3]));
	}

}
