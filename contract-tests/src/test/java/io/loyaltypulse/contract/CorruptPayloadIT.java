package io.loyaltypulse.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.loyaltypulse.contract.RealInfrastructure.Infrastructure;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.schemas.testing.SampleEvents;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poison records on a real topic: each fails with a clear {@link SerializationException}
 * at its own offset, promptly, and a consumer that skips it reads the good record behind
 * it. This is what lets the services' error handlers send poison records to a dead-letter
 * topic and go on.
 */
@ExtendWith(RealInfrastructure.class)
class CorruptPayloadIT {

	private final Infrastructure infrastructure;

	private final KafkaClients kafka;

	private final String topicName = "corrupt-" + UUID.randomUUID();

	CorruptPayloadIT(Infrastructure infrastructure) {
		this.infrastructure = infrastructure;
		this.kafka = new KafkaClients(infrastructure.bootstrapServers());
	}

	@Test
	void shouldFailEachCorruptRecordClearlyAndReadTheGoodOneBehindThem() throws Exception {
		Topic<String, SurveyResponded> topic = new TopicCatalogue(Map.of("schema.registry.url",
				this.infrastructure.registryUrl(), "loyalty.topics.survey-responses", this.topicName))
			.surveyResponses();
		byte[] good = topic.valueSerde().serializer().serialize(topic.name(), SampleEvents.surveyResponded("c-good"));
		byte[] wrongMagic = good.clone();
		wrongMagic[0] = 7;
		byte[] unknownId = good.clone();
		unknownId[1] = 0x7f;
		byte[] truncated = Arrays.copyOf(good, good.length - 4);
		this.kafka.send(new StringSerializer(), new ByteArraySerializer(),
				List.of(record(wrongMagic), record(unknownId), record(truncated), record(good)));

		List<String> failures = new ArrayList<>();
		List<SurveyResponded> values = new ArrayList<>();
		try (KafkaConsumer<String, SurveyResponded> consumer = new KafkaConsumer<>(this.kafka.consumerConfig(),
				topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
			TopicPartition partition = new TopicPartition(this.topicName, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (values.isEmpty() && System.nanoTime() < deadline) {
				try {
					ConsumerRecords<String, SurveyResponded> records = consumer.poll(Duration.ofMillis(200));
					records.forEach((record) -> values.add(record.value()));
				}
				catch (RecordDeserializationException ex) {
					assertThat(ex.getCause()).isInstanceOf(SerializationException.class);
					failures.add(ex.offset() + ": " + ex.getCause().getMessage());
					consumer.seek(ex.topicPartition(), ex.offset() + 1);
				}
			}
		}

		assertThat(failures).hasSize(3);
		assertThat(failures.get(0)).startsWith("0: ").contains("magic byte 0x07");
		assertThat(failures.get(1)).startsWith("1: ").contains("Cannot fetch writer schema id");
		assertThat(failures.get(2)).startsWith("2: ").contains("truncated or corrupt");
		assertThat(values).containsExactly(SampleEvents.surveyResponded("c-good"));
	}

	private ProducerRecord<String, byte[]> record(byte[] value) {
		return new ProducerRecord<>(this.topicName, 0, "c-good", value);
	}

}
