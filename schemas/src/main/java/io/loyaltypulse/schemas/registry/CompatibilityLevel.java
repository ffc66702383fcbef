package io.loyaltypulse.schemas.registry;

/** The compatibility levels of the Confluent Schema Registry API. */
public enum CompatibilityLevel {

	NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE;

	boolean isTransitive() {
		return name().endsWith("_TRANSITIVE");
	}

	/** New readers must read data written with the older schemas. */
	boolean requiresBackward() {
		return this != NONE && !name().startsWith("FORWARD");
	}

	/** Old readers must read data written with the new schema. */
	boolean requiresForward() {
		return name().startsWith("FORWARD") || name().startsWith("FULL");
	}

}
