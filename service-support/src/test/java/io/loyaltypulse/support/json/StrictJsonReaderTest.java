package io.loyaltypulse.support.json;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.support.problems.ApiException;
import io.loyaltypulse.support.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every class of malformed or mistyped body a new user sent, each refused with the field
 * named, nothing coerced.
 */
class StrictJsonReaderTest {

	private final StrictJsonReader reader = new StrictJsonReader();

	record Body(String id, Long points, Integer quantity, Instant occurredAt, LocalDate issueDate, Line line,
			List<Line> lines) {
	}

	record Line(String sku) {
	}

	@Test
	void shouldBindAWellTypedBody() {
		List<Violation> violations = new ArrayList<>();

		Body body = bind("""
				{"id": "a", "points": 9223372036854775807, "quantity": 3, "occurredAt": "2026-11-20T10:15:30+01:00",
				 "issueDate": "2026-11-20", "line": {"sku": "s"}, "lines": [{"sku": "t"}]}""", violations);

		assertThat(violations).isEmpty();
		assertThat(body.points()).isEqualTo(Long.MAX_VALUE);
		assertThat(body.occurredAt()).isEqualTo(Instant.parse("2026-11-20T09:15:30Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2.5", "\"5\"", "1e3", "1.0", "9223372036854775808", "-9223372036854775809", "1e30",
			"true", "[1]", "{}" })
	void shouldRefuseAnythingButAWholeNumberWithinRangeForALong(String points) {
		assertThat(violationsOf("{\"points\": " + points + "}")).extracting(Violation::pointer)
			.containsExactly("/points");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1763633730", "1763633730.5", "\"1763633730\"", "\"2026-11-20T10:15:30\"",
			"\"2026-11-20\"", "\"2026-02-30T10:15:30Z\"", "\"2026-11-20 10:15:30Z\"" })
	void shouldRefuseATimestampThatIsNotRfc3339WithAnOffset(String occurredAt) {
		assertThat(violationsOf("{\"occurredAt\": " + occurredAt + "}")).singleElement()
			.satisfies((violation) -> assertThat(violation.pointer()).isEqualTo("/occurredAt"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"2026-11-20T10:15:30Z\"", "20261120", "\"20261120\"", "\"2026-11-31\"" })
	void shouldRefuseADateTimeOrANumberWhereADateBelongs(String issueDate) {
		assertThat(violationsOf("{\"issueDate\": " + issueDate + "}")).extracting(Violation::pointer)
			.containsExactly("/issueDate");
	}

	@Test
	void shouldNameAnUnknownFieldByItsOwnPointerWhateverItsValue() {
		assertThat(violationsOf("{\"extra\": {\"a\": [1, {\"b\": 2}]}, \"more\": [[1]], \"scalar\": 1, "
				+ "\"line\": {\"sku\": \"s\", \"inner\": [2]}}"))
			.extracting(Violation::pointer)
			.containsExactly("/extra", "/more", "/scalar", "/line/inner");
	}

	@Test
	void shouldNameAMistypedValueInsideAnArray() {
		assertThat(violationsOf("{\"lines\": [{\"sku\": \"a\"}, {\"sku\": 7}]}")).extracting(Violation::pointer)
			.containsExactly("/lines/1/sku");
	}

	@Test
	void shouldRefuseABodyNestedDeeperThanAnyRequestAsMalformedNotAsAFailure() {
		String deep = "{\"line\": " + "[".repeat(1000) + "]".repeat(1000) + "}";

		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.reader.parse(deep.getBytes()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("malformed"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("nests deeper than 32 levels"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"id\": \"a\", \"id\": \"b\"}", "{\"id\": NaN}", "{\"id\": 'a'}", "{\"id\": \"a\"} x",
			"{\"id\": 01}", "{\"id\": \"a\",}", "{\"points\": 5} {\"x\": 1}",
			"{\"id\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}", "{\"id\": \"\u0001\"}",
			"{\"id\": Infinity}" })
	void shouldRefuseJsonThatIsNotJsonWithoutNamingJacksonInternals(String body) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.reader.parse(body.getBytes()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("malformed"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("JsonToken", "Feature", "tools.jackson",
					"com.fasterxml", "StreamReadConstraints", "`", "()"));
	}

	@Test
	void shouldSayWhichKeyIsDuplicated() {
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.reader.parse("{\"points\": 1, \"points\": 2}".getBytes()))
			.withMessageContaining("points");
	}

	private Body bind(String json, List<Violation> violations) {
		return this.reader.bind(this.reader.parse(json.getBytes()), Body.class, violations);
	}

	private List<Violation> violationsOf(String json) {
		List<Violation> violations = new ArrayList<>();
		bind(json, violations);
		return violations;
	}

}
