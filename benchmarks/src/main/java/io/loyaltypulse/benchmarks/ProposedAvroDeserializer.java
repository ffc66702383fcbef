package io.loyaltypulse.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.loyaltypulse.schemas.registry.SchemaRegistryClient;
import io.loyaltypulse.schemas.registry.SchemaRegistryClients;
import io.loyaltypulse.schemas.registry.SchemaRegistryException;
import io.loyaltypulse.schemas.serde.AvroSerdeConfig;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A prototype of the change proposed for
 * {@code io.loyaltypulse.schemas.serde.AvroDeserializer} (see docs/benchmarks.md), kept
 * here to measure it against the original; delete it once the change is in the schemas
 * module. The original's hot path, with a fixed reader schema, except for the lines
 * marked "Proposed:".
 */
final class ProposedAvroDeserializer<T> implements Deserializer<T> {

	private static final int HEADER_SIZE = 5;

	private final Schema readerSchema;

	private final Map<Integer, DatumReader<T>> readersBySchemaId = new ConcurrentHashMap<>();

	// Proposed: the reader of the last schema id seen. A topic's records almost always
	// carry one id, so most records skip the map look-up and the boxing of the id
	// (which allocates for ids above 127, as a real registry hands out).
	private volatile CachedReader<T> lastReader;

	private SchemaRegistryClient registry;

	ProposedAvroDeserializer(SchemaRegistryClient registry, Schema readerSchema) {
		this.registry = registry;
		this.readerSchema = readerSchema;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		AvroSerdeConfig config = AvroSerdeConfig.from(configs);
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
		int schemaId = readSchemaId(payload, topic);
		DatumReader<T> reader = readerFor(schemaId, topic);
		try {
			BinaryDecoder decoder = DecoderFactory.get()
				.binaryDecoder(payload, HEADER_SIZE, payload.length - HEADER_SIZE, null);
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

	private static int readSchemaId(byte[] payload, String topic) {
		if (payload.length < HEADER_SIZE || payload[0] != 0) {
			throw new SerializationException("Record of topic %s is not in the Confluent wire format".formatted(topic));
		}
		return ByteBuffer.wrap(payload, 1, 4).getInt();
	}

	private DatumReader<T> readerFor(int schemaId, String topic) {
		// Proposed: the last reader first.
		CachedReader<T> last = this.lastReader;
		if (last != null && last.schemaId() == schemaId) {
			return last.reader();
		}
		DatumReader<T> reader = this.readersBySchemaId.get(schemaId);
		if (reader == null) {
			reader = new SpecificDatumReader<>(writerSchema(schemaId, topic), this.readerSchema,
					PlainAvroModel.specific());
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

	@Override
	public void close() {
		this.lastReader = null;
		this.readersBySchemaId.clear();
	}

	private record CachedReader<T>(int schemaId, DatumReader<T> reader) {
	}

}
