package io.loyaltypulse.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.loyaltypulse.schemas.registry.SchemaRegistryClient;
import io.loyaltypulse.schemas.registry.SchemaRegistryClients;
import io.loyaltypulse.schemas.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in the Confluent wire format: fetches the writer schema by the id in the
 * header (once per id) and decodes with Avro schema resolution into the reader schema, so
 * that a reader built with a newer schema reads records written with an older one.
 *
 * <p>
 * The reader schema is the one given to the constructor (records decode into the
 * generated classes); else, with {@code specific.avro.reader=true}, the generated class
 * of the writer schema's name; else the writer schema itself, giving
 * {@code GenericRecord}s. Bytes that are not a whole record in this format fail with a
 * {@link SerializationException} saying why, never with a silent null.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

	private final Schema fixedReaderSchema;

	private final Map<Integer, DatumReader<T>> readersBySchemaId = new ConcurrentHashMap<>();

	// The reader of the last schema id seen: a topic's records nearly always carry one
	// id, so most records skip the map look-up and the boxing of the id.
	private volatile CachedReader<T> lastReader;

	private final SpecificData specificModel = AvroModels.specific();

	private SchemaRegistryClient registry;

	private boolean specificReader;

	/** For Kafka to create from {@code value.deserializer}. */
	public AvroDeserializer() {
		this(null, null);
	}

	/**
	 * Decodes every record into this schema's generated classes, for example a topic's
	 * union schema.
	 */
	public AvroDeserializer(Schema readerSchema) {
		this(null, readerSchema);
	}

	/** Uses this registry client instead of building one from the configuration. */
	public AvroDeserializer(SchemaRegistryClient registry, Schema readerSchema) {
		this.registry = registry;
		this.fixedReaderSchema = readerSchema;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		AvroSerdeConfig config = AvroSerdeConfig.from(configs);
		this.specificReader = config.specificAvroReader() || this.fixedReaderSchema != null;
		if (this.registry == null) {
			this.registry = SchemaRegistryClients.create(config.registry());
		}
	}

	@Override
	public T deserialize(String topic, byte[] payload) {
		if (payload == null) {
			return null;
		}
		Objects.requireNonNull(this.registry, "AvroDeserializer used before configure()");
		int schemaId = WireFormat.readSchemaId(payload, topic);
		DatumReader<T> reader = readerFor(schemaId, topic);
		try {
			BinaryDecoder decoder = DecoderFactory.get()
				.binaryDecoder(payload, WireFormat.HEADER_SIZE, payload.length - WireFormat.HEADER_SIZE, null);
			T value = reader.read(null, decoder);
			if (!decoder.isEnd()) {
				throw new SerializationException(
						"Record of topic %s has bytes left over after a whole record of schema id %d".formatted(topic,
								schemaId));
			}
			return value;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof SerializationException serializationException) {
				throw serializationException;
			}
			throw new SerializationException(
					"Cannot decode a %d-byte record of topic %s with writer schema id %d (truncated or corrupt): %s"
						.formatted(payload.length, topic, schemaId, ex),
					ex);
		}
	}

	private DatumReader<T> readerFor(int schemaId, String topic) {
		CachedReader<T> last = this.lastReader;
		if (last != null && last.schemaId() == schemaId) {
			return last.reader();
		}
		DatumReader<T> reader = this.readersBySchemaId.get(schemaId);
		if (reader == null) {
			reader = newReader(writerSchema(schemaId, topic), topic);
			DatumReader<T> raced = this.readersBySchemaId.putIfAbsent(schemaId, reader);
			reader = (raced != null) ? raced : reader;
		}
		this.lastReader = new CachedReader<>(schemaId, reader);
		return reader;
	}

	private Schema writerSchema(int schemaId, String topic) {
		try {
			return this.registry.schemaById(schemaId);
		}
		catch (SchemaRegistryException ex) {
			throw new SerializationException("Cannot fetch writer schema id %d of a record of topic %s: %s"
				.formatted(schemaId, topic, ex.getMessage()), ex);
		}
	}

	private DatumReader<T> newReader(Schema writer, String topic) {
		if (!this.specificReader) {
			return new GenericDatumReader<>(writer, writer, AvroModels.generic());
		}
		Schema reader = (this.fixedReaderSchema != null) ? this.fixedReaderSchema : generatedSchemaOf(writer, topic);
		return new SpecificDatumReader<>(writer, reader, this.specificModel);
	}

	/**
	 * The schema of the generated class(es) that records of this writer schema decode
	 * into.
	 */
	private Schema generatedSchemaOf(Schema writer, String topic) {
		return switch (writer.getType()) {
			case RECORD -> {
				Class<?> type = this.specificModel.getClass(writer);
				if (type == null) {
					throw new SerializationException("No generated class for %s (topic %s) on the classpath; "
							+ "use specific.avro.reader=false to read it as a GenericRecord"
								.formatted(writer.getFullName(), topic));
				}
				yield this.specificModel.getSchema(type);
			}
			case UNION -> Schema
				.createUnion(writer.getTypes().stream().map((branch) -> generatedSchemaOf(branch, topic)).toList());
			default -> writer;
		};
	}

	@Override
	public void close() {
		this.lastReader = null;
		this.readersBySchemaId.clear();
	}

	private record CachedReader<T>(int schemaId, DatumReader<T> reader) {
	}

}
