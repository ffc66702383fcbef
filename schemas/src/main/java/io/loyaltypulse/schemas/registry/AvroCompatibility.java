package io.loyaltypulse.schemas.registry;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Avro's own reader/writer compatibility rules applied the way a schema registry applies
 * a compatibility level: BACKWARD means the new schema reads data written with the old
 * ones.
 */
public final class AvroCompatibility {

	private AvroCompatibility() {
	}

	/**
	 * Checks a candidate schema against the existing versions of a subject, oldest first.
	 */
	public static CompatibilityCheck check(CompatibilityLevel level, Schema candidate, List<Schema> existing) {
		if (level == CompatibilityLevel.NONE || existing.isEmpty()) {
			return CompatibilityCheck.ok();
		}
		List<Schema> against = level.isTransitive() ? existing : List.of(existing.get(existing.size() - 1));
		List<String> messages = new ArrayList<>();
		for (Schema previous : against) {
			if (level.requiresBackward()) {
				messages.addAll(problems("BACKWARD", candidate, previous));
			}
			if (level.requiresForward()) {
				messages.addAll(problems("FORWARD", previous, candidate));
			}
		}
		return new CompatibilityCheck(messages.isEmpty(), messages);
	}

	/**
	 * Why a reader with {@code reader} cannot decode data written with {@code writer};
	 * empty if it can.
	 */
	public static List<String> problems(String direction, Schema reader, Schema writer) {
		SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader,
				writer);
		if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
			return List.of();
		}
		return result.getResult()
			.getIncompatibilities()
			.stream()
			.map((incompatibility) -> describe(direction, incompatibility))
			.toList();
	}

	private static String describe(String direction, Incompatibility incompatibility) {
		return "%s: %s at %s (writer %s): %s".formatted(direction, incompatibility.getType(),
				incompatibility.getLocation(), writerName(incompatibility), incompatibility.getMessage());
	}

	/**
	 * For a missing union branch the fragment is the whole union; the location ends with
	 * the branch index.
	 */
	private static String writerName(Incompatibility incompatibility) {
		Schema writer = incompatibility.getWriterFragment();
		String location = incompatibility.getLocation();
		String last = location.substring(location.lastIndexOf('/') + 1);
		if (writer.getType() == Schema.Type.UNION && last.matches("\\d+")
				&& Integer.parseInt(last) < writer.getTypes().size()) {
			return nameOf(writer.getTypes().get(Integer.parseInt(last)));
		}
		return nameOf(writer);
	}

	/**
	 * Avro's messages name types only by kind ("RECORD"); the full name says which event
	 * is affected.
	 */
	private static String nameOf(Schema fragment) {
		return switch (fragment.getType()) {
			case RECORD, ENUM, FIXED -> fragment.getFullName();
			default -> fragment.getType().getName();
		};
	}

}
