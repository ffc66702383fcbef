package io.loyaltypulse.schemas.registry;

import org.apache.avro.Schema;

/**
 * The operations of the Confluent Schema Registry REST API that Loyalty Pulse needs.
 *
 * <p>
 * Implementations throw {@link SchemaRegistryException} carrying the registry's own
 * message when the registry refuses a request, and after the configured retries when it
 * cannot be reached.
 */
public interface SchemaRegistryClient {

	/** Registers the schema under the subject, or returns the id it already has there. */
	int register(String subject, Schema schema);

	/**
	 * Returns the id of a schema already registered under the subject; fails with 404 if
	 * it is not.
	 */
	int lookUpId(String subject, Schema schema);

	/** Returns the schema the registry knows by this id. */
	Schema schemaById(int id);

	/** Returns the newest version registered under the subject. */
	RegisteredSchema latestVersion(String subject);

	/**
	 * Tests the schema against the subject's compatibility level without registering it.
	 * A subject with no versions accepts any schema.
	 */
	CompatibilityCheck testCompatibility(String subject, Schema schema);

	/**
	 * The compatibility level in force for the subject (its own, else the global one).
	 */
	CompatibilityLevel compatibility(String subject);

	/** Sets the compatibility level of one subject. */
	void setCompatibility(String subject, CompatibilityLevel level);

	/** The registry-wide default compatibility level. */
	CompatibilityLevel globalCompatibility();

	/** Sets the registry-wide default compatibility level. */
	void setGlobalCompatibility(CompatibilityLevel level);

}
