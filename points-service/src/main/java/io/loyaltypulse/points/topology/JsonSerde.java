package io.loyaltypulse.points.topology;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON serde for the small records of internal stores (not for topics others read: those
 * are Avro with the registry).
 */
final class JsonSerde<T> implements Serde<T> {

	private final JsonMapper mapper = JsonMapper.builder().build();

	private final Class<T> type;

	JsonSerde(Class<T> type) {
		this.type = type;
	}

	@Override
	public Serializer<T> serializer() {
		return (topic, value) -> {
			try {
				return (value != null) ? this.mapper.writeValueAsBytes(value) : null;
			}
			catch (JacksonException ex) {
				throw new SerializationException("Cannot write " + this.type.getSimpleName(), ex);
			}
		};
	}

	@Override
	public Deserializer<T> deserializer() {
		return (topic, bytes) -> {
			try {
				return (bytes != null) ? this.mapper.readValue(bytes, this.type) : null;
			}
			catch (JacksonException ex) {
				throw new SerializationException("Cannot read " + this.type.getSimpleName() + " from " + topic, ex);
			}
		};
	}

}
