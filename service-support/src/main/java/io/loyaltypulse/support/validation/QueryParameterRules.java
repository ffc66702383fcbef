package io.loyaltypulse.support.validation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one rule every query parameter of the API meets before its value is read: it is a
 * parameter the endpoint takes, and it is given once. An ignored misspelt filter would
 * answer every alert instead of the few asked for; a repeated one would be joined into
 * {@code "a,b"} by Spring's conversion. Either is refused, never guessed at.
 */
public final class QueryParameterRules {

	private QueryParameterRules() {
	}

	/**
	 * What is wrong with each parameter, in the order given; empty when nothing is.
	 * @param parameters the parameters as given, each with all its values
	 * @param known the names the endpoint takes
	 */
	public static Map<String, String> unknownOrRepeated(Map<String, ? extends List<String>> parameters,
			Collection<String> known) {
		Map<String, String> violations = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			if (!known.contains(name)) {
				violations.put(name, "is not a parameter of this endpoint"
						+ (known.isEmpty() ? ", which takes none" : " (known: " + String.join(", ", known) + ")"));
			}
			else if (values.size() > 1) {
				violations.put(name, "is given " + values.size() + " times; give it once");
			}
		});
		return violations;
	}

	/**
	 * Refuses the parameters, each named (400 {@code invalid}), unless every one is known
	 * and given once.
	 * @param parameters the parameters as given, each with all its values
	 * @param known the names the endpoint takes
	 * @throws InvalidParametersException naming every offending parameter
	 */
	public static void requireKnownAndSingle(Map<String, ? extends List<String>> parameters, Collection<String> known) {
		Map<String, String> violations = unknownOrRepeated(parameters, known);
		if (!violations.isEmpty()) {
			throw new InvalidParametersException(violations);
		}
	}

}
