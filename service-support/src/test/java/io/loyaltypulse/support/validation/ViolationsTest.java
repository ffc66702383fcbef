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

	@Test
	void shouldAcceptLineBreaksInFreeTextButNoOtherControlCharacters() {
		Violations violations = new Violations();

		assertThat(violations.optionalFreeText("comment", "Late.\r\nBut friendly\tstaff.", 100)).isTrue();
		assertThat(violations.optionalFreeText("comment", null, 100)).isTrue();
		assertThat(violations.optionalFreeText("comment", "bell\u0007", 100)).isFalse();
		assertThat(violations.optionalFreeText("text", " ", 100)).isFalse();
		assertThat(violations.optionalFreeText("text", "x".repeat(101), 100)).isFalse();
		assertThat(violations.list()).extracting(Violation::pointer).containsExactly("/comment", "/text", "/text");
	}

	@Test
	void shouldAcceptAnAbsentOptionalNumberAndTheBoundsButNothingBeyond() {
		Violations violations = new Violations();

		assertThat(violations.optionalBetween("score", null, 0, 10, "omit it when skipped")).isTrue();
		assertThat(violations.optionalBetween("score", 0, 0, 10, "omit it when skipped")).isTrue();
		assertThat(violations.optionalBetween("score", 10, 0, 10, "omit it when skipped")).isTrue();
		assertThat(violations.optionalBetween("score", 11, 0, 10, "omit it when skipped")).isFalse();
		assertThat(violations.optionalBetween("score", -1, 0, 10, "omit it when skipped")).isFalse();
		assertThat(violations.list()).hasSize(2)
			.allSatisfy((violation) -> assertThat(violation.detail())
				.isEqualTo("must be a whole number from 0 to 10 (omit it when skipped)"));
	}

	@Test
	void shouldNameTheAllowedValuesOfAChoice() {
		Violations violations = new Violations();

		assertThat(violations.requireOneOf("severity", "HIGH", java.util.List.of("LOW", "HIGH"))).isTrue();
		assertThat(violations.requireOneOf("severity", "URGENT", java.util.List.of("LOW", "HIGH"))).isFalse();
		assertThat(violations.list()).singleElement()
			.satisfies(
					(violation) -> assertThat(violation.detail()).isEqualTo("must be one of LOW, HIGH (got 'URGENT')"));
	}

}
