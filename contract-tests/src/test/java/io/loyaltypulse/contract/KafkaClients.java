package io.loyaltypulse.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plain Kafka producers and consumers, configured as a platform would: acks=all,
 * idempotent, read committed.
 */
final class KafkaClients {

	private final String bootstrapServers;

	KafkaClients(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/** Sends the records and waits until the broker has acknowledged every one. */
	<K, V> void send(Serializer<K> keys, Serializer<V> values, List<ProducerRecord<K, V>> records) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		try (KafkaProducer<K, V> producer = new KafkaProducer<>(config, keys, values)) {
			for (ProducerRecord<K, V> record : records) {
				producer.send(record).get();
			}
		}
	}

	/**
	 * Reads the topic from the beginning until {@code count} records have arrived, or
	 * fails after 30 s.
	 */
	<K, V> List<ConsumerRecord<K, V>> read(String topic, int count, Deserializer<K> keys, Deserializer<V> values) {
		List<ConsumerRecord<K, V>> received = new ArrayList<>();
		try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(consumerConfig(), keys, values)) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (received.size() < count && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(received::add);
			}
		}
		assertThat(received).as("records read from %s", topic).hasSize(count);
		return received;
	}

	Map<String, Object> consumerConfig() {
		return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
				"contract-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
	}

}
