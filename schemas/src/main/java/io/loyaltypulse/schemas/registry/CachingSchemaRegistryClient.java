package io.loyaltypulse.schemas.registry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

/**
 * Remembers what never changes in a registry (the id of a schema in a subject, the schema
 * behind an id), so that serializing a record costs a map look-up, not an HTTP call.
 * "Latest version" answers change, so they are kept only for the configured time to live.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

	private final SchemaRegistryClient delegate;

	private final Duration latestTtl;

	private final Clock clock;

	private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

	private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

	private final Map<String, Expiring<RegisteredSchema>> latestBySubject = new ConcurrentHashMap<>();

	/**
	 * @param latestTtl how long a latest-version answer is reused; negative means until
	 * restart, as in Confluent's client
	 */
	public CachingSchemaRegistryClient(SchemaRegistryClient delegate, Duration latestTtl, Clock clock) {
		this.delegate = delegate;
		this.latestTtl = latestTtl;
		this.clock = clock;
	}

	@Override
	public int register(String subject, Schema schema) {
		SubjectSchema key = new SubjectSchema(subject, schema);
		Integer cached = this.idsBySubjectSchema.get(key);
		if (cached != null) {
			return cached;
		}
		int id = this.delegate.register(subject, schema);
		remember(key, id);
		return id;
	}

	@Override
	public int lookUpId(String subject, Schema schema) {
		SubjectSchema key = new SubjectSchema(subject, schema);
		Integer cached = this.idsBySubjectSchema.get(key);
		if (cached != null) {
			return cached;
		}
		int id = this.delegate.lookUpId(subject, schema);
		remember(key, id);
		return id;
	}

	@Override
	public Schema schemaById(int id) {
		Schema cached = this.schemasById.get(id);
		if (cached != null) {
			return cached;
		}
		Schema schema = this.delegate.schemaById(id);
		this.schemasById.putIfAbsent(id, schema);
		return schema;
	}

	@Override
	public RegisteredSchema latestVersion(String subject) {
		Instant now = this.clock.instant();
		Expiring<RegisteredSchema> cached = this.latestBySubject.get(subject);
		if (cached != null && cached.isValidAt(now)) {
			return cached.value();
		}
		RegisteredSchema latest = this.delegate.latestVersion(subject);
		Instant expiry = this.latestTtl.isNegative() ? Instant.MAX : now.plus(this.latestTtl);
		this.latestBySubject.put(subject, new Expiring<>(latest, expiry));
		remember(new SubjectSchema(subject, latest.schema()), latest.id());
		return latest;
	}

	@Override
	public CompatibilityCheck testCompatibility(String subject, Schema schema) {
		return this.delegate.testCompatibility(subject, schema);
	}

	@Override
	public CompatibilityLevel compatibility(String subject) {
		return this.delegate.compatibility(subject);
	}

	@Override
	public void setCompatibility(String subject, CompatibilityLevel level) {
		this.delegate.setCompatibility(subject, level);
	}

	@Override
	public CompatibilityLevel globalCompatibility() {
		return this.delegate.globalCompatibility();
	}

	@Override
	public void setGlobalCompatibility(CompatibilityLevel level) {
		this.delegate.setGlobalCompatibility(level);
	}

	private void remember(SubjectSchema key, int id) {
		this.idsBySubjectSchema.putIfAbsent(key, id);
		this.schemasById.putIfAbsent(id, key.schema());
	}

	private record SubjectSchema(String subject, Schema schema) {
	}

	private record Expiring<T>(T value, Instant expiry) {

		boolean isValidAt(Instant now) {
			return now.isBefore(this.expiry);
		}

	}

}
