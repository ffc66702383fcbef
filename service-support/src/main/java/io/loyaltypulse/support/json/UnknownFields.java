package io.loyaltypulse.support.json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.loyaltypulse.support.validation.Violation;
import tools.jackson.databind.JsonNode;

/**
 * Finds the members of a JSON body that its request record does not have, each by its own
 * pointer, at any depth: a walk of the tree against the record's components (and the
 * records inside them, lists of records included). Done on the tree rather than inside
 * Jackson's binding, whose parser context, once an object or array value is buffered for
 * a record's constructor, no longer tells where that value was.
 */
final class UnknownFields {

	private UnknownFields() {
	}

	static void find(JsonNode node, Class<?> type, String pointer, List<Violation> violations) {
		if (!type.isRecord() || !node.isObject()) {
			return;
		}
		Map<String, RecordComponent> components = Arrays.stream(type.getRecordComponents())
			.collect(Collectors.toMap(RecordComponent::getName, (component) -> component));
		for (Map.Entry<String, JsonNode> member : node.properties()) {
			String memberPointer = pointer + "/" + JsonErrors.escape(member.getKey());
			RecordComponent component = components.get(member.getKey());
			if (component == null) {
				violations.add(new Violation(memberPointer, "is not a known field (known fields: "
						+ String.join(", ", components.keySet().stream().sorted().toList()) + ")"));
			}
			else {
				descend(member.getValue(), component.getGenericType(), memberPointer, violations);
			}
		}
	}

	private static void descend(JsonNode value, Type type, String pointer, List<Violation> violations) {
		if (type instanceof Class<?> record && record.isRecord()) {
			find(value, record, pointer, violations);
		}
		else if (type instanceof ParameterizedType list && list.getRawType() instanceof Class<?> raw
				&& Collection.class.isAssignableFrom(raw) && value.isArray()) {
			Type element = list.getActualTypeArguments()[0];
			for (int i = 0; i < value.size(); i++) {
				descend(value.get(i), element, pointer + "/" + i, violations);
			}
		}
	}

}
