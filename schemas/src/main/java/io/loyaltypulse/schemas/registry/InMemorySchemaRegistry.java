package io.loyaltypulse.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

/**
 * A registry in memory for unit tests, selected by a {@code mock://scope} URL. Everything
 * configured with the same scope shares one registry, as with Confluent's mock registry.
 * It checks compatibility like the real one (BACKWARD unless set otherwise), so a unit
 * test sees the same refusals.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

	private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

	private final Map<String, List<Integer>> versionIdsBySubject = new LinkedHashMap<>();

	private final Map<Integer, Schema> schemasById = new HashMap<>();

	private final Map<String, CompatibilityLevel> levelsBySubject = new HashMap<>();

	private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;

	/** The registry of a scope, created on first use. */
	public static InMemorySchemaRegistry forScope(String scope) {
		return SCOPES.computeIfAbsent(scope, (name) -> new InMemorySchemaRegistry());
	}

	/** Forgets a scope, so that the next test starts from an empty registry. */
	public static void dropScope(String scope) {
		SCOPES.remove(scope);
	}

	@Override
	public synchronized int register(String subject, Schema schema) {
		Integer existing = idInSubject(subject, schema);
		if (existing != null) {
			return existing;
		}
		CompatibilityCheck check = testCompatibility(subject, schema);
		if (!check.compatible()) {
			throw new SchemaRegistryException(409, 409,
					"Schema being registered is incompatible with an earlier schema for subject \"%s\": %s"
						.formatted(subject, String.join("; ", check.messages())));
		}
		int id = idOf(schema);
		this.versionIdsBySubject.computeIfAbsent(subject, (name) -> new ArrayList<>()).add(id);
		return id;
	}

	@Override
	public synchronized int lookUpId(String subject, Schema schema) {
		Integer id = idInSubject(subject, schema);
		if (id == null) {
			throw new SchemaRegistryException(404, 40403, "Schema not found under subject " + subject);
		}
		return id;
	}

	@Override
	public synchronized Schema schemaById(int id) {
		Schema schema = this.schemasById.get(id);
		if (schema == null) {
			throw new SchemaRegistryException(404, 40403, "Schema " + id + " not found");
		}
		return schema;
	}

	@Override
	public synchronized RegisteredSchema latestVersion(String subject) {
		List<Integer> ids = versionIds(subject);
		int id = ids.get(ids.size() - 1);
		return new RegisteredSchema(subject, ids.size(), id, this.schemasById.get(id));
	}

	@Override
	public synchronized CompatibilityCheck testCompatibility(String subject, Schema schema) {
		List<Schema> existing = this.versionIdsBySubject.getOrDefault(subject, List.of())
			.stream()
			.map(this.schemasById::get)
			.toList();
		return AvroCompatibility.check(compatibility(subject), schema, existing);
	}

	@Override
	public synchronized CompatibilityLevel compatibility(String subject) {
		return this.levelsBySubject.getOrDefault(subject, this.globalLevel);
	}

	@Override
	public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
		this.levelsBySubject.put(subject, level);
	}

	@Override
	public synchronized CompatibilityLevel globalCompatibility() {
		return this.globalLevel;
	}

	@Override
	public synchronized void setGlobalCompatibility(CompatibilityLevel level) {
		this.globalLevel = level;
	}

	private List<Integer> versionIds(String subject) {
		List<Integer> ids = this.versionIdsBySubject.get(subject);
		if (ids == null) {
			throw new SchemaRegistryException(404, 40401, "Subject '" + subject + "' not found.");
		}
		return ids;
	}

	private Integer idInSubject(String subject, Schema schema) {
		return this.versionIdsBySubject.getOrDefault(subject, List.of())
			.stream()
			.filter((id) -> this.schemasById.get(id).equals(schema))
			.findFirst()
			.orElse(null);
	}

	/** Like a real registry, one schema has one id across subjects. */
	private int idOf(Schema schema) {
		return this.schemasById.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(schema))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseGet(() -> {
				int id = this.schemasById.size() + 1;
				this.schemasById.put(id, schema);
				return id;
			});
	}

}
