package io.loyaltypulse.churn.silence;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Customers drawn from the BG/NBD story itself, for a fit to recover: each draws a
 * purchase rate from gamma(r, alpha) and a dropout probability from beta(a, b); it buys
 * as a Poisson process and, after each purchase, leaves with that probability.
 */
final class SimulatedPopulation {

	private final BgNbdParameters parameters;

	private final SplittableRandom random;

	SimulatedPopulation(BgNbdParameters parameters, long seed) {
		this.parameters = parameters;
		this.random = new SplittableRandom(seed);
	}

	/** Customers observed for {@code weeks} after their first purchase. */
	List<PurchaseHistory> customers(int count, double weeks) {
		List<PurchaseHistory> customers = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			customers.add(customer(weeks));
		}
		return customers;
	}

	private PurchaseHistory customer(double weeks) {
		double rate = gamma(this.parameters.r()) / this.parameters.alpha();
		double dropout = beta(this.parameters.a(), this.parameters.b());
		int repeats = 0;
		double last = 0;
		double now = 0;
		while (true) {
			now += -Math.log(1 - this.random.nextDouble()) / rate;
			if (now > weeks) {
				break;
			}
			repeats++;
			last = now;
			if (this.random.nextDouble() < dropout) {
				break;
			}
		}
		return new PurchaseHistory(repeats, last, weeks);
	}

	private double beta(double a, double b) {
		double x = gamma(a);
		return x / (x + gamma(b));
	}

	/** Gamma(shape, 1), Marsaglia and Tsang; boosted for a shape below 1. */
	private double gamma(double shape) {
		if (shape < 1) {
			return gamma(shape + 1) * Math.pow(this.random.nextDouble(), 1 / shape);
		}
		double d = shape - 1.0 / 3;
		double c = 1 / Math.sqrt(9 * d);
		while (true) {
			double x = normal();
			double v = Math.pow(1 + c * x, 3);
			if (v > 0 && Math.log(this.random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
				return d * v;
			}
		}
	}

	private double normal() {
		double u = 1 - this.random.nextDouble();
		double v = this.random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

}
