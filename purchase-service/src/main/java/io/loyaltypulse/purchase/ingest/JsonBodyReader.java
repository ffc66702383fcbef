package io.loyaltypulse.purchase.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.loyaltypulse.purchase.validation.Violation;
import io.loyaltypulse.purchase.web.MalformedRequestException;
import io.loyaltypulse.purchase.web.RequestTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reads request bodies strictly and reports everything wrong at once: the body is read up
 * to its size limit (413 beyond), parsed as JSON (400 when it is not JSON, has duplicate
 * keys or trailing content), then bound to a request class while every unknown field and
 * every value of the wrong type is collected as a {@link Violation} with its JSON
 * Pointer, instead of failing on the first.
 */
@Component
class JsonBodyReader {

	private static final String VIOLATIONS = JsonBodyReader.class.getName() + ".violations";

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		// 2.5 units is not 2 units: refuse a fraction rather than truncate it.
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		// "2" is not a quantity and 123 is not an id: scalars of the wrong JSON type
		// are refused, not coerced, and reported through the handler so that every
		// one is listed (CoercionAction.Fail would stop binding at the first).
		// Money stays accepted as a JSON number or string.
		.addModule(new SimpleModule("strict-scalars").addDeserializer(String.class, new StrictStringDeserializer())
			.addDeserializer(Integer.class, new StrictIntegerDeserializer()))
		// Money: 4.50 stays the decimal 4.50, never a double, through the tree.
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.addHandler(new CollectingProblemHandler())
		.build();

	/** The body, refused with 413 as soon as it exceeds {@code limit}. */
	byte[] readBody(HttpServletRequest request, DataSize limit) throws IOException {
		long max = limit.toBytes();
		if (request.getContentLengthLong() > max) {
			throw new RequestTooLargeException(request.getContentLengthLong(), max);
		}
		try (InputStream in = request.getInputStream()) {
			// One byte more than allowed tells a body at the limit from one over it,
			// without
			// reading (and buffering) the rest of an oversized body.
			byte[] body = in.readNBytes(Math.toIntExact(Math.min(max + 1, Integer.MAX_VALUE)));
			if (body.length > max) {
				throw new RequestTooLargeException(-1, max);
			}
			return body;
		}
	}

	JsonNode parse(byte[] body) {
		if (body.length == 0) {
			throw new MalformedRequestException("The request body is empty; send a JSON object.");
		}
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedRequestException("The request body is not valid JSON: " + ex.getOriginalMessage()
					+ " (at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")");
		}
	}

	/**
	 * Binds {@code node} to {@code type}; on return, {@code violations} holds every
	 * unknown field and mistyped value (pointers relative to {@code node}). Mistyped
	 * values are bound as null.
	 */
	<T> T bind(JsonNode node, Class<T> type, List<Violation> violations) {
		if (!node.isObject()) {
			violations.add(new Violation("", "must be a JSON object"));
			return null;
		}
		ObjectReader reader = this.mapper.readerFor(type).withAttribute(VIOLATIONS, violations);
		try {
			return reader.readValue(node);
		}
		catch (JacksonException ex) {
			// What the handler could not recover from, for example an object where a list
			// belongs deep inside a structure.
			violations.add(new Violation(pointerOf(ex), "has the wrong type: " + ex.getOriginalMessage()));
			return null;
		}
	}

	private static String pointerOf(JacksonException ex) {
		StringBuilder pointer = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			pointer.append('/');
			pointer.append((reference.getPropertyName() != null)
					? reference.getPropertyName().replace("~", "~0").replace("/", "~1") : reference.getIndex());
		}
		return pointer.toString();
	}

	/** A string only from a JSON string: no number or boolean turned into text. */
	private static final class StrictStringDeserializer extends StdScalarDeserializer<String> {

		StrictStringDeserializer() {
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

	/**
	 * A whole number only from a JSON integer within int range: no string parsed, no
	 * fraction truncated.
	 */
	private static final class StrictIntegerDeserializer extends StdScalarDeserializer<Integer> {

		StrictIntegerDeserializer() {
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

	/**
	 * Turns Jackson's binding problems into violations and carries on with null, so that
	 * one request reports all of them.
	 */
	private static final class CollectingProblemHandler extends DeserializationProblemHandler {

		private static final Map<Class<?>, String> EXPECTED = Map.of(String.class, "must be a string", Integer.class,
				"must be a whole number", BigDecimal.class, "must be a decimal number such as 12.50", Instant.class,
				"must be an RFC 3339 timestamp with offset, such as 2026-11-20T10:15:30Z", LocalDate.class,
				"must be a date such as 2026-11-20", List.class, "must be an array");

		@Override
		public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
				ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
			Collection<Object> known = deserializer.getKnownPropertyNames();
			String knownList = (known != null)
					? known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) : "";
			violationsOf(ctxt).add(new Violation(pointer(p), "is not a known field (known fields: " + knownList + ")"));
			p.skipChildren();
			return true;
		}

		@Override
		public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
				String failureMsg) {
			violationsOf(ctxt).add(new Violation(pointer(ctxt.getParser()), expected(targetType)));
			return null;
		}

		@Override
		public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
				String failureMsg) {
			violationsOf(ctxt).add(new Violation(pointer(ctxt.getParser()), expected(targetType)));
			return null;
		}

		@Override
		public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token,
				JsonParser p, String failureMsg) {
			violationsOf(ctxt).add(new Violation(pointer(p), expected(targetType.getRawClass())));
			p.skipChildren();
			return null;
		}

		@Override
		public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
				ValueInstantiator valueInsta, JsonParser p, String msg) {
			// A scalar where an object (a line, the payment terms) belongs.
			violationsOf(ctxt).add(new Violation(pointer(p), expected(instClass)));
			p.skipChildren();
			return null;
		}

		private static String expected(Class<?> type) {
			return EXPECTED.getOrDefault(type, type.isRecord() ? "must be a JSON object" : "has the wrong type");
		}

		@SuppressWarnings("unchecked")
		private static List<Violation> violationsOf(DeserializationContext ctxt) {
			Object violations = ctxt.getAttribute(VIOLATIONS);
			return (violations != null) ? (List<Violation>) violations : new ArrayList<>();
		}

		private static String pointer(JsonParser p) {
			return p.streamReadContext().pathAsPointer().toString();
		}

	}

}
