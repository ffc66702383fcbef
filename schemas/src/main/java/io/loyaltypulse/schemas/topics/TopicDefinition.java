package io.loyaltypulse.schemas.topics;

import java.util.Arrays;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a topic is, independent of any deployment: the key of its name in configuration
 * ({@code loyalty.topics.<key>}, which is also its default name) and the value schema
 * registered for it.
 *
 * @param key the configuration key and default name, for example {@code purchases}
 * @param valueSchema a record schema, or for a lifecycle topic the union of its event
 * types, in the order registered
 * @param valueType the Java type values decode into
 * @param <V> the value type
 */
public record TopicDefinition<V>(String key, Schema valueSchema, Class<V> valueType) {

	/** A topic carrying one event type. */
	public static <V extends SpecificRecord> TopicDefinition<V> of(String key, Class<V> eventType) {
		return new TopicDefinition<>(key, SpecificData.get().getSchema(eventType), eventType);
	}

	/**
	 * A lifecycle topic whose events share one partition order: the value schema is the
	 * union of the event types. New event types are appended, never inserted, so that
	 * union indexes of old records stay valid for readers that resolve by index.
	 */
	@SafeVarargs
	public static TopicDefinition<SpecificRecord> union(String key, Class<? extends SpecificRecord>... eventTypes) {
		Schema union = Schema
			.createUnion(Arrays.stream(eventTypes).map((type) -> SpecificData.get().getSchema(type)).toList());
		return new TopicDefinition<>(key, union, SpecificRecord.class);
	}

	/**
	 * The registry subject of the value schema under TopicNameStrategy, for the default
	 * topic name.
	 */
	public String defaultValueSubject() {
		return this.key + "-value";
	}

}
