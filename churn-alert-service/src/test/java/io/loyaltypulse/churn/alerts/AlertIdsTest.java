package io.loyaltypulse.churn.alerts;

import io.loyaltypulse.events.ChurnSignal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertIdsTest {

	@Test
	void shouldNameTheCustomerInAUrlSafeIdWhateverTheCustomerIdHolds() {
		String id = AlertIds.of("shop/42 é?&", ChurnSignal.REPEAT_DECLINE, 7);

		assertThat(id).matches("[A-Za-z0-9_-]+\\.repeat_decline\\.7");
		assertThat(AlertIds.customerOf(id)).hasValue("shop/42 é?&");
	}

	@Test
	void shouldRecogniseOnlyTheSpellingItWrites() {
		assertThat(AlertIds.customerOf("not-an-alert")).isEmpty();
		assertThat(AlertIds.customerOf("Yy0x.sleepy.1")).isEmpty();
		assertThat(AlertIds.customerOf("Yy0x.arrears.01")).isEmpty();
		assertThat(AlertIds.customerOf("Yy0x.ARREARS.1")).isEmpty();
		assertThat(AlertIds.customerOf("Yy0x.arrears.1")).hasValue("c-1");
	}

}
