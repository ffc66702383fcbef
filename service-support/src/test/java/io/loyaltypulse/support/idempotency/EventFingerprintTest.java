package io.loyaltypulse.support.idempotency;

import java.math.BigDecimal;

import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.schemas.testing.SampleEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventFingerprintTest {

	@Test
	void shouldGiveEqualEventsEqualFingerprintsAndDifferentOnesDifferent() {
		PurchaseCompleted event = SampleEvents.purchaseCompleted("c-1");
		PurchaseCompleted same = PurchaseCompleted.newBuilder(event).build();
		PurchaseCompleted otherTotal = PurchaseCompleted.newBuilder(event)
			.setTotal(event.getTotal().add(new BigDecimal("0.0001")))
			.build();

		assertThat(EventFingerprint.of(same)).isEqualTo(EventFingerprint.of(event));
		assertThat(EventFingerprint.of(otherTotal)).isNotEqualTo(EventFingerprint.of(event));
		assertThat(EventFingerprint.of(SampleEvents.purchaseCompleted("c-2"))).isNotEqualTo(EventFingerprint.of(event));
	}

}
