package io.loyaltypulse.testsupport.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The yardstick of the Kafka Streams benchmarks: a transactional consume -> produce loop
 * (read-committed {@code KafkaConsumer}, transactional {@code KafkaProducer}, offsets
 * committed in the transaction every 100 ms) that decodes each event with the engine's
 * serde and writes a fixed number of records of the engine's sizes per event.
 *
 * @param <V> the events' type
 */
public final class TransactionalYardstick<V> {

	private final BenchKafka kafka;

	private final String id;

	private final Deserializer<V> values;

	private final Function<V, String> keyOf;

	/**
	 * @param kafka the broker
	 * @param id the consumer group and the transactional id
	 * @param values the engine's deserializer of the input events
	 * @param keyOf the key of the records written for an event (reads the decoded event)
	 */
	public TransactionalYardstick(BenchKafka kafka, String id, Deserializer<V> values, Function<V, String> keyOf) {
		this.kafka = kafka;
		this.id = id;
		this.values = values;
		this.keyOf = keyOf;
	}

	/**
	 * Consumes {@code events} records of the inputs and, for each, writes one record of
	 * each size in {@code valueSizes} to {@code output}.
	 * @return events/s from the first record to the last commit
	 */
	public double run(List<String> inputs, long events, String output, int... valueSizes) {
		byte[][] payloads = new byte[valueSizes.length][];
		for (int i = 0; i < valueSizes.length; i++) {
			payloads[i] = new byte[valueSizes[i]];
		}
		Map<String, Object> producerConfig = new HashMap<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka.bootstrap(),
						ProducerConfig.TRANSACTIONAL_ID_CONFIG, this.id, ProducerConfig.LINGER_MS_CONFIG, 100));
		try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(this.kafka.consumerConfig(this.id),
				new StringDeserializer(), this.values);
				KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
						new ByteArraySerializer())) {
			consumer.subscribe(inputs);
			producer.initTransactions();
			long done = 0;
			long first = 0;
			long last = 0;
			producer.beginTransaction();
			long transactionStarted = System.nanoTime();
			Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
			while (done < events) {
				ConsumerRecords<String, V> records = consumer.poll(Duration.ofMillis(50));
				for (ConsumerRecord<String, V> record : records) {
					if (first == 0) {
						first = System.nanoTime();
					}
					String key = this.keyOf.apply(record.value());
					for (int i = 0; i < payloads.length; i++) {
						producer.send(new ProducerRecord<>(output, key + i, payloads[i]));
					}
					offsets.put(new TopicPartition(record.topic(), record.partition()),
							new OffsetAndMetadata(record.offset() + 1));
					done++;
				}
				if (System.nanoTime() - transactionStarted > TimeUnit.MILLISECONDS.toNanos(100) || done == events) {
					producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
					producer.commitTransaction();
					last = System.nanoTime();
					producer.beginTransaction();
					transactionStarted = System.nanoTime();
				}
			}
			producer.abortTransaction();
			return events / ((last - first) / 1e9);
		}
	}

}
