package io.loyaltypulse.support.validation;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ViolationsTest {

	private static final Instant LATEST = Instant.parse("2026-11-22T12:05:00Z");

	@Test
	void shouldRefuseAnEventTimeBeforeTheEarliestNamingFieldAndBound() {
		Violations violations = new Violations();

		assertThat(
				violations.requireBetween("occurredAt", Instant.parse("1969-12-31T23:59:59Z"), Instant.EPOCH, LATEST))
			.isFalse();
		assertThat(violations.list()).singleElement().satisfies((violation) -> {
			assertThat(violation.pointer()).isEqualTo("/occurredAt");
			assertThat(violation.detail()).contains("must not be earlier than 1970-01-01T00:00:00Z");
		});
	}

	@Test
	void shouldAcceptTheBoundsThemselvesAndRefuseLaterTimes() {
		Violations violations = new Violations();

		assertThat(violations.requireBetween("occurredAt", Instant.EPOCH, Instant.EPOCH, LATEST)).isTrue();
		assertThat(violations.requireBetween("occurredAt", LATEST, Instant.EPOCH, LATEST)).isTrue();
		assertThat(violations.requireBetween("occurredAt", LATEST.plusMillis(1), Instant.EPOCH, LATEST)).isFalse();
		assertThat(violations.list()).singleElement()
			.satisfies((violation) -> assertThat(violation.detail()).contains("must not be later than"));
	}

}
