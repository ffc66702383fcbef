package io.loyaltypulse.support.json;

import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/**
 * Jackson's messages as a caller can read them: no Java class or enum names
 * ({@code JsonToken.START_OBJECT}, {@code JsonReadFeature...}), which name our internals,
 * not the caller's mistake; the position when there is one.
 */
final class JsonErrors {

	private static final Map<String, String> TOKENS = Map.ofEntries(Map.entry("JsonToken.START_OBJECT", "an object"),
			Map.entry("JsonToken.END_OBJECT", "the end of an object"), Map.entry("JsonToken.START_ARRAY", "an array"),
			Map.entry("JsonToken.END_ARRAY", "the end of an array"), Map.entry("JsonToken.VALUE_STRING", "a string"),
			Map.entry("JsonToken.VALUE_NUMBER_INT", "an integer"),
			Map.entry("JsonToken.VALUE_NUMBER_FLOAT", "a decimal number"), Map.entry("JsonToken.VALUE_TRUE", "true"),
			Map.entry("JsonToken.VALUE_FALSE", "false"), Map.entry("JsonToken.VALUE_NULL", "null"),
			Map.entry("JsonToken.PROPERTY_NAME", "a field name"));

	/**
	 * "...: enable `JsonReadFeature.X` to allow" and the like: advice to us, not to the
	 * caller.
	 */
	private static final Pattern FEATURE_ADVICE = Pattern.compile(
			"[;:,]?\\s*\\(?(?:enable|disable|use|set)\\b[^)]*?\\w+Feature\\.\\w+[^)]*\\)?", Pattern.CASE_INSENSITIVE);

	private static final Pattern JAVA_NAMES = Pattern.compile("`?(?:[a-z]+\\.)+[A-Z]\\w*(?:\\$\\w+)*`?");

	private JsonErrors() {
	}

	static String describe(JacksonException ex) {
		String message = String.valueOf(ex.getOriginalMessage());
		for (Map.Entry<String, String> token : TOKENS.entrySet()) {
			message = message.replace("(" + token.getKey() + ")", token.getValue())
				.replace(token.getKey(), token.getValue());
		}
		message = FEATURE_ADVICE.matcher(message).replaceAll("");
		message = JAVA_NAMES.matcher(message).replaceAll("value");
		TokenStreamLocation location = ex.getLocation();
		if (location != null && location.getLineNr() > 0) {
			message += " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
		}
		return message.strip();
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
