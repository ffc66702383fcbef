package io.loyaltypulse.schemas.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;

import static io.loyaltypulse.schemas.registry.RegistryHttp.segment;

/**
 * The Confluent Schema Registry REST API (also served by Karapace, Redpanda and
 * Apicurio's ccompat API), without caching: wrap it in
 * {@link CachingSchemaRegistryClient}, as {@link SchemaRegistryClients#create} does.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

	private final RegistryHttp http;

	public RestSchemaRegistryClient(SchemaRegistryConfig config) {
		this.http = new RegistryHttp(config);
	}

	@Override
	public int register(String subject, Schema schema) {
		try {
			return this.http.post("/subjects/%s/versions".formatted(segment(subject)), schemaBody(schema))
				.path("id")
				.asInt();
		}
		catch (SchemaRegistryException ex) {
			if (ex.status() != 409) {
				throw ex;
			}
			// 409 is an incompatible schema, or (Apicurio) another client creating the
			// subject with it at the same moment: then the schema is there now.
			return registeredIdOr(subject, schema, ex);
		}
	}

	private int registeredIdOr(String subject, Schema schema, SchemaRegistryException conflict) {
		try {
			return lookUpId(subject, schema);
		}
		catch (SchemaRegistryException ex) {
			throw conflict;
		}
	}

	@Override
	public int lookUpId(String subject, Schema schema) {
		return this.http.post("/subjects/%s?deleted=false".formatted(segment(subject)), schemaBody(schema))
			.path("id")
			.asInt();
	}

	@Override
	public Schema schemaById(int id) {
		return parseSchema(this.http.get("/schemas/ids/" + id).path("schema").asText());
	}

	@Override
	public RegisteredSchema latestVersion(String subject) {
		JsonNode version = this.http.get("/subjects/%s/versions/latest".formatted(segment(subject)));
		return new RegisteredSchema(subject, version.path("version").asInt(), version.path("id").asInt(),
				parseSchema(version.path("schema").asText()));
	}

	@Override
	public CompatibilityCheck testCompatibility(String subject, Schema schema) {
		try {
			JsonNode verdict = this.http.post(
					"/compatibility/subjects/%s/versions/latest?verbose=true".formatted(segment(subject)),
					schemaBody(schema));
			return new CompatibilityCheck(verdict.path("is_compatible").asBoolean(), messages(verdict));
		}
		catch (SchemaRegistryException ex) {
			if (ex.isNotFound()) {
				// Nothing registered under the subject yet: any schema may become its
				// first version.
				return CompatibilityCheck.ok();
			}
			throw ex;
		}
	}

	@Override
	public CompatibilityLevel compatibility(String subject) {
		return level(this.http.get("/config/%s?defaultToGlobal=true".formatted(segment(subject))));
	}

	@Override
	public void setCompatibility(String subject, CompatibilityLevel level) {
		this.http.put("/config/" + segment(subject), Map.of("compatibility", level.name()));
	}

	@Override
	public CompatibilityLevel globalCompatibility() {
		return level(this.http.get("/config"));
	}

	@Override
	public void setGlobalCompatibility(CompatibilityLevel level) {
		this.http.put("/config", Map.of("compatibility", level.name()));
	}

	private static Map<String, String> schemaBody(Schema schema) {
		return Map.of("schema", schema.toString());
	}

	private static Schema parseSchema(String text) {
		return new Schema.Parser().parse(text);
	}

	private static List<String> messages(JsonNode verdict) {
		List<String> messages = new ArrayList<>();
		verdict.path("messages").forEach((message) -> messages.add(message.asText()));
		return messages;
	}

	/**
	 * Confluent answers {@code compatibilityLevel}; some registries answer
	 * {@code compatibility}.
	 */
	private static CompatibilityLevel level(JsonNode config) {
		String level = config.hasNonNull("compatibilityLevel") ? config.get("compatibilityLevel").asText()
				: config.path("compatibility").asText();
		return CompatibilityLevel.valueOf(level);
	}

}
