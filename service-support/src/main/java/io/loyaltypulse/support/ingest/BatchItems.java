package io.loyaltypulse.support.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Reads the raw items of a batch before they are bound, for a {@link BatchCheck} that
 * needs to know what comes later in the batch (a purchase after its refund, a complaint
 * after its resolution).
 */
public final class BatchItems {

	private BatchItems() {
	}

	/**
	 * Where the first item of type {@code eventName} with each combination of values of
	 * {@code fields} stands, keyed by those values in order (a missing or non-text value
	 * is null).
	 */
	public static Map<List<String>, Integer> firstIndexOf(List<JsonNode> items, String eventName, String... fields) {
		Map<List<String>, Integer> firstIndex = new HashMap<>();
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			if (item.isObject() && eventName.equals(text(item, "type"))) {
				List<String> values = new ArrayList<>(fields.length);
				for (String field : fields) {
					values.add(text(item, field));
				}
				firstIndex.putIfAbsent(values, i);
			}
		}
		return firstIndex;
	}

	private static String text(JsonNode item, String field) {
		JsonNode value = item.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
