package io.loyaltypulse.schemas.topics;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic as a deployment uses it: its configured name and the serdes, ready for
 * {@code Consumed.with(topic.keySerde(), topic.valueSerde())} or a producer.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

	/**
	 * Suffix of the dead-letter topic that error handlers send this topic's poison
	 * records to.
	 */
	public static final String DEAD_LETTER_SUFFIX = ".DLT";

	public String deadLetterTopic() {
		return this.name + DEAD_LETTER_SUFFIX;
	}

}
