package io.loyaltypulse.benchmarks;

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
import io.loyaltypulse.schemas.serde.AvroSerdeConfig;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A prototype of the change proposed for
 * {@code io.loyaltypulse.schemas.serde.AvroSerializer} (see docs/benchmarks.md), kept
 * here to measure it against the original; delete it once the change is in the schemas
 * module. A copy of {@code AvroSerializer} except for the lines marked "Proposed:".
 */
final class ProposedAvroSerializer<T> implements Serializer<T> {

	private static final byte MAGIC_BYTE = 0;

	private final Schema fixedWriterSchema;

	// Proposed: keyed by topic rather than subject: Kafka passes the same topic string
	// with every record, its hash cached, so a hit needs no concatenation and no hashing
	// of a new string.
	private final Map<TopicSchema, Target> targets = new ConcurrentHashMap<>();

	private SchemaRegistryClient registry;

	private AvroSerdeConfig config;

	private boolean isKey;

	ProposedAvroSerializer(SchemaRegistryClient registry, Schema writerSchema) {
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

	// Proposed: the subject is only computed on a miss.
	private String subject(String topic) {
		return topic + (this.isKey ? "-key" : "-value");
	}

	private Target target(String topic, Schema schema) {
		TopicSchema key = new TopicSchema(topic, schema);
		Target cached = this.targets.get(key);
		if (cached != null) {
			return cached;
		}
		String subject = subject(topic);
		Target target = new Target(schemaId(subject, schema), schema);
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
			// Proposed: the header made once per schema, written into the encoder's
			// buffer: no array and no extra (synchronized) stream write per record.
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
	 * carries it, and a writer for the schema.
	 */
	private record Target(int schemaId, byte[] header, DatumWriter<Object> writer) {

		Target(int schemaId, Schema schema) {
			this(schemaId, header(schemaId), new SpecificDatumWriter<>(schema, PlainAvroModel.specific()));
		}

		private static byte[] header(int schemaId) {
			return new byte[] { MAGIC_BYTE, (byte) (schemaId >>> 24), (byte) (schemaId >>> 16), (byte) (schemaId >>> 8),
					(byte) schemaId };
		}

	}

}
