package io.loyaltypulse.purchase.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.testsupport.SharedBroker;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import static org.awaitility.Awaitility.await;

/**
 * Reads a topic from the beginning with the {@code schemas} module's own deserializers,
 * as any consumer of Loyalty Pulse events would.
 */
final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, SpecificRecord> consumer;

	private final List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();

	TopicReader(Topic<String, SpecificRecord> topic) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedBroker.bootstrapServers(),
						ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				topic.keySerde().deserializer(), topic.valueSerde().deserializer());
		this.consumer.subscribe(List.of(topic.name()));
	}

	/**
	 * Polls until at least {@code count} records keyed by {@code customerId} arrived;
	 * returns all of them read so far, in offset order.
	 */
	List<ConsumerRecord<String, SpecificRecord>> awaitRecordsOf(String customerId, int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach(this.records::add);
			return recordsOf(customerId).size() >= count;
		});
		return recordsOf(customerId);
	}

	private List<ConsumerRecord<String, SpecificRecord>> recordsOf(String customerId) {
		return this.records.stream().filter((record) -> customerId.equals(record.key())).toList();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
