package io.loyaltypulse.points.ledger;

import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.points.Events;
import io.loyaltypulse.points.InvalidEventException;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.T0;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PurchaseValidationTest {

	@Test
	void shouldAcceptATotalEqualToTheLinesOrDiscountedToZero() {
		assertThatNoException().isThrownBy(() -> PurchaseValidation
			.check(Events.purchase("c1", "o1", T0).line("1", "HOME", 2, "10.00").total("20.00").build()));
		assertThatNoException().isThrownBy(() -> PurchaseValidation
			.check(Events.purchase("c1", "o1", T0).line("1", "HOME", 2, "10.00").total("0").build()));
		assertThatNoException().isThrownBy(
				() -> PurchaseValidation.check(Events.purchase("c1", "o1", T0).line("1", "HOME", 1, "0").build()));
	}

	@Test
	void shouldRefuseATotalAboveTheLines() {
		assertRefused(Events.purchase("c1", "o1", T0).line("1", "HOME", 2, "10.00").total("20.01").build(),
				"has a total of 20.01, more than its lines' 20");
	}

	@Test
	void shouldRefuseAPurchaseWithoutLines() {
		assertRefused(Events.purchase("c1", "o1", T0).total("0").build(), "has no lines");
	}

	@Test
	void shouldRefuseANegativeTotal() {
		assertRefused(Events.purchase("c1", "o1", T0).line("1", "HOME", 1, "10.00").total("-1").build(),
				"has a negative total");
	}

	@Test
	void shouldRefuseALineOfNoUnitsOrANegativePrice() {
		assertRefused(Events.purchase("c1", "o1", T0).line("1", "HOME", 0, "10.00").total("0").build(),
				"line 1 has a quantity below 1 or a negative price");
		assertRefused(Events.purchase("c1", "o1", T0).line("1", "HOME", 1, "-10.00").total("0").build(),
				"line 1 has a quantity below 1 or a negative price");
	}

	@Test
	void shouldRefuseALineIdTwice() {
		assertRefused(
				Events.purchase("c1", "o1", T0).line("1", "HOME", 1, "10.00").line("1", "BOOKS", 1, "5.00").build(),
				"repeats line id 1");
	}

	private static void assertRefused(PurchaseCompleted purchase, String reason) {
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> PurchaseValidation.check(purchase))
			.withMessageContaining(reason);
	}

}
