package io.loyaltypulse.churn.model;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.loyaltypulse.churn.silence.BgNbdParameters;

/**
 * The silence model in force on this instance: the configured defaults until enough
 * customers are known for a fit, then the latest fit. The topology reads it at every
 * check; the refit replaces it as a whole.
 */
public final class SilenceModel implements Supplier<BgNbdParameters> {

	/**
	 * One version of the model.
	 *
	 * @param parameters r, alpha (weeks), a, b
	 * @param fitted false while the defaults serve
	 * @param logLikelihood of the fit, or NaN for the defaults
	 * @param customers customers it was fitted on (for the defaults: how many were known
	 * at the last attempt)
	 * @param at when it was fitted or last tried
	 * @param note why the defaults serve, or null
	 */
	public record Version(BgNbdParameters parameters, boolean fitted, double logLikelihood, int customers, Instant at,
			String note) {
	}

	private final AtomicReference<Version> current;

	public SilenceModel(BgNbdParameters defaults, Instant now) {
		this.current = new AtomicReference<>(
				new Version(defaults, false, Double.NaN, 0, now, "not fitted yet: the configured defaults serve"));
	}

	@Override
	public BgNbdParameters get() {
		return this.current.get().parameters();
	}

	public Version version() {
		return this.current.get();
	}

	void replace(Version version) {
		this.current.set(version);
	}

}
