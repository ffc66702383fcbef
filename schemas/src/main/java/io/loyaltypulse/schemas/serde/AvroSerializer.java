package io.loyaltypulse.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.loyaltypulse.schemas.registry.RegisteredSchema;
import io.loyaltypulse.schemas.registry.SchemaRegistryClient;
import io.loyaltypulse.schemas.registry.SchemaRegistryClients;
import io.loyaltypulse.schemas.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records in the Confluent wire format, registering or looking up the writer
 * schema under the subject {@code <topic>-value} (or {@code -key}).
 *
 * <p>
 * The writer schema is, in this order: the schema given to the constructor (for a union
 * topic, the topic's union schema, so that every event type on the topic is written with
 * the one schema registered for it); the subject's latest version when
 * {@code use.latest.version=true}; else the record's own schema, as Confluent's
 * serializer does. Ids are cached: after the first record of a schema, serializing costs
 * no registry call.
 *
 * <p>
 * Thread-safe, like Kafka requires of a producer's serializers.
 */
public class AvroSerializer<T> implements Serializer<T> {

	private final Schema fixedWriterSchema;

	// Keyed by topic rather than subject: Kafka passes the same topic string with every
	// record, its hash cached, so a hit needs no concatenation and no hashing of a new
	// string.
	private final Map<TopicSchema, Target> targets = new ConcurrentHashMap<>();

	private SchemaRegistryClient registry;

	private AvroSerdeConfig config;

	private boolean isKey;

	/**
	 * For Kafka to create from {@code value.serializer}: the writer schema is the
	 * record's own.
	 */
	public AvroSerializer() {
		this(null, null);
	}

	/** Writes every record with this schema, for example a topic's union schema. */
	public AvroSerializer(Schema writerSchema) {
		this(null, writerSchema);
	}

	/**
	 * Uses this registry client instead of building one from the configuration, for
	 * example to share one client's cache.
	 */
	public AvroSerializer(SchemaRegistryClient registry, Schema writerSchema) {
		this.registry = registry;
		this.fixedWriterSchema = writerSchema;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.config = AvroSerdeConfig.from(configs);
		this.isKey = isKey;
		if (this.registry == null) {
			this.registry = SchemaRegistryClients.create(this.config.registry());
		}
	}

	@Override
	public byte[] serialize(String topic, T data) {
		if (data == null) {
			return null;
		}
		Objects.requireNonNull(this.config, "AvroSerializer used before configure()");
		Target target = this.config.useLatestVersion() ? latestTarget(topic)
				: target(topic, writerSchemaOf(data, topic));
		return encode(target, data, topic);
	}

	private String subject(String topic) {
		return topic + (this.isKey ? "-key" : "-value");
	}

	private Target target(String topic, Schema schema) {
		TopicSchema key = new TopicSchema(topic, schema);
		Target cached = this.targets.get(key);
		if (cached != null) {
			return cached;
		}
		Target target = new Target(schemaId(subject(topic), schema), schema);
		this.targets.putIfAbsent(key, target);
		return target;
	}

	private Target latestTarget(String topic) {
		String subject = subject(topic);
		RegisteredSchema latest = call(subject, () -> this.registry.latestVersion(subject));
		return this.targets.computeIfAbsent(new TopicSchema(topic, latest.schema()),
				(key) -> new Target(latest.id(), latest.schema()));
	}

	private int schemaId(String subject, Schema schema) {
		return call(subject, () -> this.config.autoRegisterSchemas() ? this.registry.register(subject, schema)
				: this.registry.lookUpId(subject, schema));
	}

	private Schema writerSchemaOf(T data, String topic) {
		if (this.fixedWriterSchema != null) {
			return this.fixedWriterSchema;
		}
		if (data instanceof GenericContainer container) {
			return container.getSchema();
		}
		throw new SerializationException(
				"AvroSerializer for topic %s writes Avro records, not %s".formatted(topic, data.getClass().getName()));
	}

	private byte[] encode(Target target, T data, String topic) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try {
			BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
			// Into the encoder's buffer: no array and no extra stream write per record.
			encoder.writeFixed(target.header());
			target.writer().write(data, encoder);
			encoder.flush();
		}
		catch (IOException | RuntimeException ex) {
			throw new SerializationException("Cannot serialize %s for topic %s with schema id %d: %s"
				.formatted(data.getClass().getSimpleName(), topic, target.schemaId(), ex.getMessage()), ex);
		}
		return out.toByteArray();
	}

	private static <R> R call(String subject, Supplier<R> registryCall) {
		try {
			return registryCall.get();
		}
		catch (SchemaRegistryException ex) {
			throw new SerializationException(
					"Schema registry refused or failed for subject %s: %s".formatted(subject, ex.getMessage()), ex);
		}
	}

	@Override
	public void close() {
		this.targets.clear();
	}

	private record TopicSchema(String topic, Schema schema) {
	}

	/**
	 * Where records of one schema go: its registry id, the wire-format header that
	 * carries it (made once, not per record), and a writer for the schema.
	 */
	private record Target(int schemaId, byte[] header, DatumWriter<Object> writer) {

		Target(int schemaId, Schema schema) {
			this(schemaId, WireFormat.header(schemaId), new SpecificDatumWriter<>(schema, AvroModels.specific()));
		}

	}

}
