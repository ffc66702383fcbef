package io.loyaltypulse.churn.silence;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * The fitter reproduces the published maximum-likelihood fit of Fader, Hardie and Lee
 * (2005) on the CDNOW calibration summary: r = 0.243, alpha = 4.414, a = 0.793, b =
 * 2.426, log-likelihood -9582.4 (published to the digits shown).
 */
class BgNbdFitterTest {

	private final BgNbdFitter fitter = new BgNbdFitter();

	@Test
	void shouldReproduceThePublishedFitOnTheCdnowSample() {
		BgNbdFitter.Fit fit = this.fitter.fit(List.copyOf(Cdnow.summary().values()));

		assertThat(fit.customers()).isEqualTo(2357);
		assertThat(fit.parameters().r()).isCloseTo(0.243, within(0.0005));
		assertThat(fit.parameters().alpha()).isCloseTo(4.414, within(0.0005));
		assertThat(fit.parameters().a()).isCloseTo(0.793, within(0.0005));
		assertThat(fit.parameters().b()).isCloseTo(2.426, within(0.0005));
		assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.05));
	}

	@Test
	void shouldFindTheParametersThatGeneratedAPopulation() {
		BgNbdParameters truth = new BgNbdParameters(0.8, 6.0, 0.5, 3.0);
		List<PurchaseHistory> population = new SimulatedPopulation(truth, 42).customers(20_000, 52);

		BgNbdParameters fitted = this.fitter.fit(population).parameters();

		// Sampling error only: 20,000 customers pin each parameter to a few percent.
		assertThat(fitted.r()).isCloseTo(truth.r(), within(0.08));
		assertThat(fitted.alpha()).isCloseTo(truth.alpha(), within(0.8));
		assertThat(fitted.a()).isCloseTo(truth.a(), within(0.12));
		assertThat(fitted.b()).isCloseTo(truth.b(), within(0.8));
	}

	@Test
	void shouldRefuseToFitWithoutCustomers() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.fitter.fit(new ArrayList<>()));
	}

}
