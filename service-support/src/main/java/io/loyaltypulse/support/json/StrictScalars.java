package io.loyaltypulse.support.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Scalars only from the JSON type that carries them: no number or boolean turned into
 * text, no string parsed into a number, no fraction truncated into a whole number, no
 * number read as a timestamp, no date-time cut to a date. A refused value is reported
 * through the problem handler, so that every one is listed.
 */
final class StrictScalars {

	/** RFC 3339: a date, 'T', a time, and a mandatory offset. */
	private static final Pattern RFC_3339 = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private StrictScalars() {
	}

	static SimpleModule module() {
		return new SimpleModule("strict-scalars").addDeserializer(String.class, new Strings())
			.addDeserializer(Integer.class, new Integers())
			.addDeserializer(Long.class, new Longs())
			.addDeserializer(Instant.class, new Instants())
			.addDeserializer(LocalDate.class, new Dates());
	}

	private static final class Strings extends StdScalarDeserializer<String> {

		Strings() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			if (p.hasToken(JsonToken.VALUE_STRING)) {
				return p.getString();
			}
			return (String) ctxt.handleUnexpectedToken(String.class, p);
		}

	}

	private static final class Integers extends StdScalarDeserializer<Integer> {

		Integers() {
			super(Integer.class);
		}

		@Override
		public Integer deserialize(JsonParser p, DeserializationContext ctxt) {
			if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
				return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
			}
			if (p.getNumberType() != JsonParser.NumberType.INT) {
				return (Integer) ctxt.handleWeirdNumberValue(Integer.class, p.getNumberValue(),
						"out of range of a 32-bit integer");
			}
			return p.getIntValue();
		}

	}

	private static final class Longs extends StdScalarDeserializer<Long> {

		Longs() {
			super(Long.class);
		}

		@Override
		public Long deserialize(JsonParser p, DeserializationContext ctxt) {
			if (!p.hasToken(JsonToken.VALUE_NUMBER_INT)) {
				return (Long) ctxt.handleUnexpectedToken(Long.class, p);
			}
			JsonParser.NumberType type = p.getNumberType();
			if (type != JsonParser.NumberType.INT && type != JsonParser.NumberType.LONG) {
				return (Long) ctxt.handleWeirdNumberValue(Long.class, p.getNumberValue(),
						"out of range of a 64-bit integer");
			}
			return p.getLongValue();
		}

	}

	private static final class Instants extends StdScalarDeserializer<Instant> {

		Instants() {
			super(Instant.class);
		}

		@Override
		public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
			if (!p.hasToken(JsonToken.VALUE_STRING)) {
				return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
			}
			String text = p.getString();
			try {
				if (RFC_3339.matcher(text).matches()) {
					return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
				}
			}
			catch (DateTimeException ex) {
				// An impossible date such as 2026-02-30: reported below.
			}
			return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an RFC 3339 timestamp");
		}

	}

	private static final class Dates extends StdScalarDeserializer<LocalDate> {

		Dates() {
			super(LocalDate.class);
		}

		@Override
		public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
			if (!p.hasToken(JsonToken.VALUE_STRING)) {
				return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
			}
			String text = p.getString();
			try {
				if (ISO_DATE.matcher(text).matches()) {
					return LocalDate.parse(text);
				}
			}
			catch (DateTimeException ex) {
				// An impossible date such as 2026-02-30: reported below.
			}
			return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text, "not a date");
		}

	}

}
