package io.loyaltypulse.support.publishing;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * One producer for all topics, each written with its own topic's serializer (and so its
 * union schema): the serializers come configured from the topic catalogue.
 */
final class TopicRoutingSerializer implements Serializer<SpecificRecord> {

	private final Map<String, Serializer<SpecificRecord>> byTopic;

	TopicRoutingSerializer(Map<String, Serializer<SpecificRecord>> byTopic) {
		this.byTopic = Map.copyOf(byTopic);
	}

	@Override
	public byte[] serialize(String topic, SpecificRecord data) {
		Serializer<SpecificRecord> serializer = this.byTopic.get(topic);
		if (serializer == null) {
			throw new SerializationException("No serializer for topic " + topic + "; known: " + this.byTopic.keySet());
		}
		return serializer.serialize(topic, data);
	}

	@Override
	public void close() {
		this.byTopic.values().forEach(Serializer::close);
	}

}
