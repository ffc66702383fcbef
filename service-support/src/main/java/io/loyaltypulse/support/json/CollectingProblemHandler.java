package io.loyaltypulse.support.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.support.validation.Violation;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;

/**
 * Turns Jackson's binding problems into violations and carries on with null, so that one
 * request reports all of them.
 */
final class CollectingProblemHandler extends DeserializationProblemHandler {

	private static final Map<Class<?>, String> EXPECTED = Map.of(String.class, "must be a string", Integer.class,
			"must be a whole number", Long.class, "must be a whole number", BigDecimal.class,
			"must be a decimal number such as 12.50", Instant.class,
			"must be an RFC 3339 timestamp with offset, such as 2026-11-20T10:15:30Z", LocalDate.class,
			"must be a date such as 2026-11-20", List.class, "must be an array");

	@Override
	public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
			String failureMsg) {
		violationsOf(ctxt).add(new Violation(pointer(ctxt.getParser()), expected(targetType)));
		return null;
	}

	@Override
	public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
			String failureMsg) {
		boolean outOfRange = failureMsg != null && failureMsg.startsWith("out of range");
		violationsOf(ctxt)
			.add(new Violation(pointer(ctxt.getParser()), outOfRange ? "is " + failureMsg : expected(targetType)));
		return null;
	}

	@Override
	public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken token, JsonParser p,
			String failureMsg) {
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
		Object violations = ctxt.getAttribute(StrictJsonReader.VIOLATIONS);
		return (violations != null) ? (List<Violation>) violations : new ArrayList<>();
	}

	/**
	 * The pointer of the value the parser stands on: when it is an object or an array,
	 * the parser already stands inside it, so the pointer is built from the enclosing
	 * context.
	 */
	private static String pointer(JsonParser p) {
		TokenStreamContext context = p.streamReadContext();
		if ((p.hasToken(JsonToken.START_OBJECT) || p.hasToken(JsonToken.START_ARRAY)) && context.getParent() != null) {
			context = context.getParent();
		}
		return pointerOf(context);
	}

	/**
	 * Walks from the root: a member's name in an object, an element's index in an array.
	 * Built here rather than with {@code pathAsPointer()}, whose root context differs
	 * between a parser over bytes and one over a tree.
	 */
	private static String pointerOf(TokenStreamContext context) {
		Deque<String> segments = new ArrayDeque<>();
		for (TokenStreamContext current = context; current != null; current = current.getParent()) {
			if (current.inObject() && current.currentName() != null) {
				segments.push(JsonErrors.escape(current.currentName()));
			}
			else if (current.inArray() && current.getCurrentIndex() >= 0) {
				segments.push(Integer.toString(current.getCurrentIndex()));
			}
		}
		return segments.isEmpty() ? "" : "/" + String.join("/", segments);
	}

}
