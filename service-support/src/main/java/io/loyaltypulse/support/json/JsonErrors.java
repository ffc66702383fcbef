package io.loyaltypulse.support.json;

import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Jackson's messages as a caller can read them: no Java class, enum or method names
 * ({@code JsonToken.START_OBJECT}, {@code JsonReadFeature...},
 * {@code StreamReadConstraints.getMaxNestingDepth()}), which name our internals, not the
 * caller's mistake; the position when there is one.
 */
final class JsonErrors {

	private static final Map<String, String> TOKENS = Map.ofEntries(Map.entry("JsonToken.START_OBJECT", "an object"),
			Map.entry("JsonToken.END_OBJECT", "the end of an object"), Map.entry("JsonToken.START_ARRAY", "an array"),
			Map.entry("JsonToken.END_ARRAY", "the end of an array"), Map.entry("JsonToken.VALUE_STRING", "a string"),
			Map.entry("JsonToken.VALUE_NUMBER_INT", "an integer"),
			Map.entry("JsonToken.VALUE_NUMBER_FLOAT", "a decimal number"), Map.entry("JsonToken.VALUE_TRUE", "true"),
			Map.entry("JsonToken.VALUE_FALSE", "false"), Map.entry("JsonToken.VALUE_NULL", "null"),
			Map.entry("JsonToken.PROPERTY_NAME", "a field name"));

	/** Advice to us that a message ends with once its Java names are cut off. */
	private static final Pattern TRAILING_ADVICE = Pattern
		.compile("[\\s:;,(]*(?:not allowed as per|as per|enable|disable|use|set)?[\\s:;,(]*$");

	private JsonErrors() {
	}

	static String describe(JacksonException ex) {
		String message = readable(ex);
		TokenStreamLocation location = ex.getLocation();
		if (location != null && location.getLineNr() > 0) {
			message += " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
		}
		return message;
	}

	/**
	 * Our own words for the refusals we cause on purpose; Jackson's for the rest, cut
	 * before the first Java name it quotes.
	 */
	private static String readable(JacksonException ex) {
		String original = String.valueOf(ex.getOriginalMessage());
		if (ex instanceof StreamConstraintsException) {
			return original.contains("nesting")
					? "it nests deeper than " + StrictJsonReader.MAX_NESTING_DEPTH
							+ " levels, more than any request of this API"
					: "a value is longer than any request of this API";
		}
		if (original.startsWith("Trailing token")) {
			return "there is more content after the JSON value";
		}
		String message = original;
		for (Map.Entry<String, String> token : TOKENS.entrySet()) {
			message = message.replace("(" + token.getKey() + ")", token.getValue())
				.replace(token.getKey(), token.getValue());
		}
		int quotedName = message.indexOf('`');
		if (quotedName >= 0) {
			message = message.substring(0, quotedName);
		}
		return TRAILING_ADVICE.matcher(message).replaceAll("").replace("Object property", "field").strip();
	}

	static String pointerOf(JacksonException ex) {
		StringBuilder pointer = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			pointer.append('/');
			pointer.append(
					(reference.getPropertyName() != null) ? escape(reference.getPropertyName()) : reference.getIndex());
		}
		return pointer.toString();
	}

	static String escape(String segment) {
		return segment.replace("~", "~0").replace("/", "~1");
	}

}
