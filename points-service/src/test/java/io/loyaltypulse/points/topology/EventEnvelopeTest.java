package io.loyaltypulse.points.topology;

import java.time.Instant;

import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.points.Events;
import io.loyaltypulse.points.InvalidEventException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventEnvelopeTest {

	static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

	final SurveyResponded event = Events.survey("c1", "nps-q4", "r1", T0);

	@Test
	void shouldAdmitAnEventKeyedByItsCustomerAndGiveItsTime() {
		assertThat(EventEnvelope.check("c1", this.event)).isEqualTo(T0);
	}

	@Test
	void shouldRefuseARecordWithoutACustomerKey() {
		assertRefused(null, "record without a customer id key");
		assertRefused(" ", "record without a customer id key");
	}

	@Test
	void shouldRefuseATombstone() {
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> EventEnvelope.check("c1", null))
			.withMessage("tombstone on an event topic for customer c1");
	}

	@Test
	void shouldRefuseAnEventKeyedByAnotherCustomer() {
		assertRefused("c2", "record key c2 differs from the event's customerId c1");
	}

	@Test
	void shouldRefuseAnEventWithoutATime() {
		SurveyResponded timeless = SurveyResponded.newBuilder(this.event).build();
		timeless.put("occurredAt", null);

		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> EventEnvelope.check("c1", timeless))
			.withMessage("SurveyResponded for customer c1 has no occurredAt");
	}

	private void assertRefused(String key, String reason) {
		assertThatExceptionOfType(InvalidEventException.class).isThrownBy(() -> EventEnvelope.check(key, this.event))
			.withMessage(reason);
	}

}
