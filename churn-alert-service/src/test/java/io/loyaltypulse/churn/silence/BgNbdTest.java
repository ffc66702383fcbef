package io.loyaltypulse.churn.silence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * P(alive) and the likelihood against the figures of the CDNOW README and the model's own
 * properties; the history derived from purchase days against the published summary.
 */
class BgNbdTest {

	private static final BgNbdParameters PUBLISHED = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

	@Test
	void shouldGiveThePublishedProbabilitiesThatACustomerIsStillActive() {
		assertThat(BgNbd.probabilityAlive(PUBLISHED, new PurchaseHistory(5, 30, 39))).isCloseTo(0.706, within(0.0005));
		assertThat(BgNbd.probabilityAlive(PUBLISHED, new PurchaseHistory(20, 30, 39))).isCloseTo(0.197, within(0.0005));
	}

	@Test
	void shouldHoldACustomerWithoutRepeatPurchaseAliveAndOneWhoJustBoughtAlmostSurely() {
		assertThat(BgNbd.probabilityAlive(PUBLISHED, new PurchaseHistory(0, 0, 39))).isEqualTo(1.0);
		assertThat(BgNbd.probabilityAlive(PUBLISHED, new PurchaseHistory(10, 39, 39)))
			.isCloseTo(1 / (1 + 0.793 / (2.426 + 9)), within(1e-12));
	}

	@Test
	void shouldLowerTheProbabilityTheLongerTheSilence() {
		double previous = 1;
		for (double lastPurchase = 38; lastPurchase >= 0; lastPurchase -= 2) {
			double alive = BgNbd.probabilityAlive(PUBLISHED, new PurchaseHistory(8, lastPurchase, 39));
			assertThat(alive).isLessThan(previous);
			previous = alive;
		}
	}

	@Test
	void shouldBoundTheSilenceRiskBetweenCertaintyNowAndHavingLeftForGood() {
		PurchaseHistory history = new PurchaseHistory(6, 20, 39);
		double alive = BgNbd.probabilityAlive(PUBLISHED, history);

		assertThat(BgNbd.probabilityNoPurchaseWithin(PUBLISHED, history, 0)).isEqualTo(1.0);
		assertThat(BgNbd.probabilityNoPurchaseWithin(PUBLISHED, history, 1e9)).isCloseTo(1 - alive, within(1e-9));
		double previous = 1;
		for (double horizon = 1; horizon <= 104; horizon += 1) {
			double risk = BgNbd.probabilityNoPurchaseWithin(PUBLISHED, history, horizon);
			assertThat(risk).isLessThan(previous).isGreaterThan(1 - alive);
			previous = risk;
		}
	}

	@Test
	void shouldStayFiniteForAHeavyBuyerSilentForYears() {
		double alive = BgNbd.probabilityAlive(PUBLISHED, new PurchaseHistory(5_000, 10, 10_000));

		assertThat(alive).isBetween(0.0, 1e-12);
		assertThat(BgNbd.logLikelihood(PUBLISHED, new PurchaseHistory(5_000, 10, 10_000))).isFinite();
	}

	@Test
	void shouldSumToThePublishedLogLikelihoodAtThePublishedParameters() {
		double total = Cdnow.summary()
			.values()
			.stream()
			.mapToDouble((history) -> BgNbd.logLikelihood(PUBLISHED, history))
			.sum();

		// The parameters are rounded to three decimals; the likelihood is flat at its
		// top.
		assertThat(total).isCloseTo(-9582.4, within(0.2));
	}

	@Test
	void shouldDeriveEveryPublishedHistoryFromTheRawPurchases() {
		Map<Integer, PurchaseHistory> published = Cdnow.summary();
		Map<Integer, TreeSet<LocalDate>> days = Cdnow.purchaseDays();

		assertThat(days).hasSameSizeAs(published);
		days.forEach((customer, purchaseDays) -> {
			PurchaseHistory derived = PurchaseHistory.inWeeks(purchaseDays, Cdnow.CALIBRATION_END);
			PurchaseHistory expected = published.get(customer);
			assertThat(derived.x()).as("x of %d", customer).isEqualTo(expected.x());
			assertThat(derived.tx()).as("tx of %d", customer).isCloseTo(expected.tx(), within(0.005 + 1e-9));
			assertThat(derived.T()).as("T of %d", customer).isCloseTo(expected.T(), within(0.005 + 1e-9));
		});
	}

	@Test
	void shouldCountSeveralPurchasesOnOneDayAsOnePurchaseDay() {
		LocalDate day = LocalDate.of(2026, 1, 5);

		PurchaseHistory history = PurchaseHistory.inWeeks(List.of(day, day, day.plusDays(14), day.plusDays(14)),
				day.plusDays(28));

		assertThat(history).isEqualTo(new PurchaseHistory(1, 2, 4));
	}

	@Test
	void shouldRefuseAnInconsistentHistory() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PurchaseHistory(-1, 0, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new PurchaseHistory(1, 5, 4));
		assertThatIllegalArgumentException().isThrownBy(() -> new PurchaseHistory(0, 2, 4));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PurchaseHistory.inWeeks(List.of(LocalDate.of(2026, 2, 1)), LocalDate.of(2026, 1, 1)));
	}

}
