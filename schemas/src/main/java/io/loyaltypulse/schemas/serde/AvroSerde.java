package io.loyaltypulse.schemas.serde;

import java.util.Map;

import io.loyaltypulse.schemas.registry.SchemaRegistryClient;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link AvroSerializer} and {@link AvroDeserializer} as one Kafka Streams {@link Serde}.
 * Built with a schema, it writes with that schema and reads into its generated classes.
 */
public class AvroSerde<T> implements Serde<T> {

	private final AvroSerializer<T> serializer;

	private final AvroDeserializer<T> deserializer;

	/** For Kafka Streams to create from {@code default.value.serde}. */
	public AvroSerde() {
		this(new AvroSerializer<>(), new AvroDeserializer<>());
	}

	public AvroSerde(Schema schema) {
		this(new AvroSerializer<>(schema), new AvroDeserializer<>(schema));
	}

	public AvroSerde(SchemaRegistryClient registry, Schema schema) {
		this(new AvroSerializer<>(registry, schema), new AvroDeserializer<>(registry, schema));
	}

	private AvroSerde(AvroSerializer<T> serializer, AvroDeserializer<T> deserializer) {
		this.serializer = serializer;
		this.deserializer = deserializer;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		this.serializer.configure(configs, isKey);
		this.deserializer.configure(configs, isKey);
	}

	@Override
	public Serializer<T> serializer() {
		return this.serializer;
	}

	@Override
	public Deserializer<T> deserializer() {
		return this.deserializer;
	}

	@Override
	public void close() {
		this.serializer.close();
		this.deserializer.close();
	}

}
