package io.loyaltypulse.schemas.serde;

import java.util.Map;

import io.loyaltypulse.schemas.registry.SchemaRegistryConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde's settings, under Confluent's keys so that a configuration written for
 * Confluent's {@code KafkaAvroSerializer} works unchanged here, and the other way round.
 *
 * @param registry how to reach the schema registry
 * @param autoRegisterSchemas {@code auto.register.schemas} (default true): register the
 * writer schema on first use; when false, it must already be registered
 * @param useLatestVersion {@code use.latest.version} (default false): write with the
 * subject's latest schema instead of the record's own
 * @param specificAvroReader {@code specific.avro.reader} (default false): decode into the
 * generated classes instead of {@code GenericRecord}
 */
public record AvroSerdeConfig(SchemaRegistryConfig registry, boolean autoRegisterSchemas, boolean useLatestVersion,
		boolean specificAvroReader) {

	public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

	public static final String USE_LATEST_VERSION = "use.latest.version";

	public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

	public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

	public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

	public static AvroSerdeConfig from(Map<String, ?> configs) {
		requireTopicNameStrategy(configs, KEY_SUBJECT_NAME_STRATEGY);
		requireTopicNameStrategy(configs, VALUE_SUBJECT_NAME_STRATEGY);
		return new AvroSerdeConfig(SchemaRegistryConfig.from(configs), flag(configs, AUTO_REGISTER_SCHEMAS, true),
				flag(configs, USE_LATEST_VERSION, false), flag(configs, SPECIFIC_AVRO_READER, false));
	}

	private static boolean flag(Map<String, ?> configs, String key, boolean defaultValue) {
		Object value = configs.get(key);
		if (value == null) {
			return defaultValue;
		}
		String text = String.valueOf(value).strip();
		if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
			throw new ConfigException(key, value, "must be true or false");
		}
		return Boolean.parseBoolean(text);
	}

	/**
	 * Subjects are always {@code <topic>-key} / {@code <topic>-value}: a configuration
	 * asking for another strategy would silently write to subjects nobody reads, so it is
	 * refused.
	 */
	private static void requireTopicNameStrategy(Map<String, ?> configs, String key) {
		Object value = configs.get(key);
		if (value == null) {
			return;
		}
		String name = (value instanceof Class<?> type) ? type.getName() : String.valueOf(value);
		if (!name.endsWith("TopicNameStrategy")) {
			throw new ConfigException(key, value, "only TopicNameStrategy (<topic>-key, <topic>-value) is supported");
		}
	}

}
