package io.loyaltypulse.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.schemas.registry.InMemorySchemaRegistry;
import io.loyaltypulse.schemas.serde.AvroDeserializer;
import io.loyaltypulse.schemas.serde.AvroSerializer;
import io.loyaltypulse.schemas.testing.SampleEvents;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * One PurchaseCompleted (three order lines) encoded and decoded two ways with the same
 * schema, the same data model and the same allocations per record (a new
 * {@code ByteArrayOutputStream}, encoder, byte array and decoder): through the
 * registry-aware serde in the Confluent wire format, and as plain Avro binary with no
 * registry and no header. The difference between the two is the serde's own overhead.
 *
 * <p>
 * The serde uses the in-memory {@code mock://} registry. The constructor makes one round
 * trip, which registers the schema and caches its id (serializer) and its reader
 * (deserializer); every later round trip finds both in the serde's own maps and never
 * calls the registry, so the registry's speed does not enter the figures.
 */
final class PurchaseRoundTrip implements AutoCloseable {

	/** Same initial size as the serde's buffer, so both grow (or not) alike. */
	private static final int BUFFER_SIZE = 256;

	private final PurchaseCompleted event = SampleEvents.purchaseCompleted("customer-42");

	private final String topic;

	private final String registryScope = "benchmarks-" + UUID.randomUUID();

	private final AvroSerializer<SpecificRecord> serializer;

	private final AvroDeserializer<SpecificRecord> deserializer;

	private final DatumWriter<Object> plainWriter;

	private final DatumReader<Object> plainReader;

	PurchaseRoundTrip(WriterSchema writerSchema) {
		this.topic = writerSchema.topic();
		// Configured as the topic catalogue configures AvroSerde: the schema given, the
		// registry from schema.registry.url.
		Map<String, String> configs = Map.of("schema.registry.url", "mock://" + this.registryScope);
		this.serializer = new AvroSerializer<>(writerSchema.schema());
		this.serializer.configure(configs, false);
		this.deserializer = new AvroDeserializer<>(writerSchema.schema());
		this.deserializer.configure(configs, false);
		SpecificData model = PlainAvroModel.specific();
		this.plainWriter = new SpecificDatumWriter<>(writerSchema.schema(), model);
		this.plainReader = new SpecificDatumReader<>(writerSchema.schema(), writerSchema.schema(), model);
		checkBothRoundTrip();
	}

	/**
	 * The measured path: serialize, then deserialize, through the registry-aware serde.
	 */
	Object throughSerde() {
		return serdeDecode(serdeBytes());
	}

	/** The yardstick: the same record through plain Avro binary. */
	Object plainAvro() {
		return plainDecode(plainBytes());
	}

	byte[] serdeBytes() {
		return this.serializer.serialize(this.topic, this.event);
	}

	Object serdeDecode(byte[] bytes) {
		return this.deserializer.deserialize(this.topic, bytes);
	}

	byte[] plainBytes() {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream(BUFFER_SIZE);
			BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
			this.plainWriter.write(this.event, encoder);
			encoder.flush();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Object plainDecode(byte[] bytes) {
		try {
			BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 0, bytes.length, null);
			return this.plainReader.read(null, decoder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	PurchaseCompleted event() {
		return this.event;
	}

	String registryScope() {
		return this.registryScope;
	}

	/**
	 * Fails the run rather than measure a path that does not round-trip, or two paths
	 * that do not write the same Avro bytes: then the comparison would not be fair.
	 */
	private void checkBothRoundTrip() {
		byte[] serde = serdeBytes();
		byte[] plain = plainBytes();
		if (!Arrays.equals(serde, 5, serde.length, plain, 0, plain.length)) {
			throw new IllegalStateException("The serde and plain Avro encode the event differently");
		}
		if (!this.event.equals(throughSerde()) || !this.event.equals(plainAvro())) {
			throw new IllegalStateException("A round trip does not give back the event it was given");
		}
	}

	@Override
	public void close() {
		this.serializer.close();
		this.deserializer.close();
		InMemorySchemaRegistry.dropScope(this.registryScope);
	}

}
