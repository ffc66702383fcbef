package io.loyaltypulse.support.kafka;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.MicrometerProducerListener;

/**
 * The one way a service builds a producer whose acknowledgement it passes on to a caller:
 * Spring Boot's {@code spring.kafka.producer.*} configuration with {@code acks=all} and
 * the idempotent producer enforced. A configuration that weakens them is refused at
 * start-up rather than silently overridden: an acknowledged event is stored on every
 * in-sync replica, and the producer's own retries never duplicate it.
 */
public final class DurableProducers {

	private DurableProducers() {
	}

	/**
	 * A producer factory, to wrap in a {@code KafkaTemplate}.
	 * @param overrides settings of this use that win over the configuration, such as
	 * {@code max.block.ms}
	 */
	public static <K, V> DefaultKafkaProducerFactory<K, V> factory(KafkaProperties kafka, Map<String, Object> overrides,
			Serializer<K> keySerializer, Serializer<V> valueSerializer, MeterRegistry meters) {
		DefaultKafkaProducerFactory<K, V> factory = new DefaultKafkaProducerFactory<>(configs(kafka, overrides),
				keySerializer, valueSerializer);
		factory.addListener(new MicrometerProducerListener<>(meters));
		return factory;
	}

	/**
	 * A producer of its own (for example for request/reply); the caller closes it.
	 * @param overrides settings of this use that win over the configuration, such as
	 * {@code max.block.ms}
	 */
	public static <K, V> Producer<K, V> producer(KafkaProperties kafka, Map<String, Object> overrides,
			Serializer<K> keySerializer, Serializer<V> valueSerializer) {
		return new KafkaProducer<>(configs(kafka, overrides), keySerializer, valueSerializer);
	}

	private static Map<String, Object> configs(KafkaProperties kafka, Map<String, Object> overrides) {
		Map<String, Object> configs = new HashMap<>(kafka.buildProducerProperties());
		configs.putAll(overrides);
		return durable(configs);
	}

	/** The configuration with the durability settings added or checked. */
	public static Map<String, Object> durable(Map<String, Object> configs) {
		Object acks = configs.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
		if (acks != null && !"all".equals(String.valueOf(acks)) && !"-1".equals(String.valueOf(acks))) {
			throw new ConfigException(ProducerConfig.ACKS_CONFIG, acks,
					"a Loyalty Pulse service acknowledges only events on every in-sync replica: use acks=all");
		}
		Object idempotence = configs.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		if (idempotence != null && !Boolean.parseBoolean(String.valueOf(idempotence))) {
			throw new ConfigException(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotence,
					"a Loyalty Pulse service needs the idempotent producer, so that its retries never duplicate "
							+ "an event");
		}
		validateAsKafkaDoes(configs);
		return configs;
	}

	/**
	 * Kafka's own checks of the producer configuration, at start-up rather than on the
	 * first send: with idempotence, for example, {@code retries=0} or
	 * {@code max.in.flight.requests.per.connection} above 5 are refused. The serializers
	 * are instances given to the producer factory, so stand-ins satisfy the check, as a
	 * stand-in address does when none is configured.
	 */
	private static void validateAsKafkaDoes(Map<String, Object> configs) {
		Map<String, Object> check = new HashMap<>(configs);
		check.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
		check.putIfAbsent(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		check.putIfAbsent(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try {
			new ProducerConfig(check);
		}
		catch (ConfigException ex) {
			throw new ConfigException("Refusing an unsafe producer configuration (an acknowledgement promises an "
					+ "event stored once on every in-sync replica): " + ex.getMessage());
		}
	}

}
