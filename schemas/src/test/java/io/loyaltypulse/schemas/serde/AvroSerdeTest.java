package io.loyaltypulse.schemas.serde;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.schemas.registry.InMemorySchemaRegistry;
import io.loyaltypulse.schemas.testing.OlderSchemas;
import io.loyaltypulse.schemas.testing.SampleEvents;
import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.schemas.topics.TopicDefinition;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroSerdeTest {

	private final String scope = "serde-" + UUID.randomUUID();

	private final Map<String, Object> configs = new HashMap<>(Map.of("schema.registry.url", "mock://" + this.scope));

	@AfterEach
	void dropRegistry() {
		InMemorySchemaRegistry.dropScope(this.scope);
	}

	static Stream<Arguments> everyEvent() {
		return Stream.of(Arguments.of(EventTopics.PURCHASES, SampleEvents.purchaseCompleted("c1")),
				Arguments.of(EventTopics.PURCHASES, SampleEvents.purchaseRefunded("c1")),
				Arguments.of(EventTopics.INVOICES, SampleEvents.invoiceIssued("c1")),
				Arguments.of(EventTopics.INVOICES, SampleEvents.invoicePaymentReceived("c1")),
				Arguments.of(EventTopics.INVOICES, SampleEvents.invoiceCancelled("c1")),
				Arguments.of(EventTopics.SURVEY_RESPONSES, SampleEvents.surveyResponded("c1")),
				Arguments.of(EventTopics.COMPLAINTS, SampleEvents.complaintFiled("c1")),
				Arguments.of(EventTopics.COMPLAINTS, SampleEvents.complaintResolved("c1")));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("everyEvent")
	<V> void shouldRoundTripEveryEventTypeThroughItsTopicSerde(TopicDefinition<V> definition, SpecificRecord event) {
		Topic<String, V> topic = new TopicCatalogue(this.configs).topic(definition);
		@SuppressWarnings("unchecked")
		byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), (V) event);

		V decoded = topic.valueSerde().deserializer().deserialize(topic.name(), bytes);

		assertThat(decoded).isInstanceOf(event.getClass()).isEqualTo(event);
	}

	@Test
	void shouldWriteMagicByteThenRegistryIdThenAvroBinaryOfTheTopicUnionSchema() {
		Topic<String, SpecificRecord> purchases = new TopicCatalogue(this.configs).purchases();

		byte[] bytes = purchases.valueSerde().serializer().serialize("purchases", SampleEvents.purchaseRefunded("c1"));

		InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope(this.scope);
		int id = registry.lookUpId("purchases-value", EventTopics.PURCHASES.valueSchema());
		assertThat(bytes[0]).isZero();
		assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
		// Avro encodes the union branch index first, as a zig-zag varint: branch 1
		// (PurchaseRefunded) is 0x02.
		assertThat(bytes[5]).isEqualTo((byte) 0x02);
	}

	@Test
	void shouldRegisterOneSchemaPerTopicForAllItsEventTypes() {
		Topic<String, SpecificRecord> purchases = new TopicCatalogue(this.configs).purchases();

		byte[] completed = purchases.valueSerde()
			.serializer()
			.serialize("purchases", SampleEvents.purchaseCompleted("c1"));
		byte[] refunded = purchases.valueSerde()
			.serializer()
			.serialize("purchases", SampleEvents.purchaseRefunded("c1"));

		assertThat(Arrays.copyOfRange(completed, 0, 5)).isEqualTo(Arrays.copyOfRange(refunded, 0, 5));
		assertThat(InMemorySchemaRegistry.forScope(this.scope).latestVersion("purchases-value").version()).isEqualTo(1);
	}

	@Test
	void shouldAcceptMoneyWithFewerDecimalsThanTheSchemaScale() {
		PurchaseCompleted purchase = PurchaseCompleted.newBuilder(SampleEvents.purchaseCompleted("c1"))
			.setTotal(new BigDecimal("80.9"))
			.build();
		Topic<String, SpecificRecord> purchases = new TopicCatalogue(this.configs).purchases();

		PurchaseCompleted decoded = (PurchaseCompleted) purchases.valueSerde()
			.deserializer()
			.deserialize("purchases", purchases.valueSerde().serializer().serialize("purchases", purchase));

		assertThat(decoded.getTotal()).isEqualByComparingTo("80.9");
	}

	@Test
	void shouldRefuseMoneyThatWouldNeedRounding() {
		PurchaseCompleted purchase = PurchaseCompleted.newBuilder(SampleEvents.purchaseCompleted("c1"))
			.setTotal(new BigDecimal("80.971234"))
			.build();
		Topic<String, SpecificRecord> purchases = new TopicCatalogue(this.configs).purchases();

		assertThatThrownBy(() -> purchases.valueSerde().serializer().serialize("purchases", purchase))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("PurchaseCompleted")
			.hasMessageContaining("scale");
	}

	@Test
	void shouldRefuseAnEventTypeThatIsNotPartOfTheTopicUnion() {
		AvroSerializer<Object> purchases = new AvroSerializer<>(EventTopics.PURCHASES.valueSchema());
		purchases.configure(this.configs, false);

		assertThatThrownBy(() -> purchases.serialize("purchases", SampleEvents.surveyResponded("c1")))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("SurveyResponded");
	}

	@Test
	void shouldReadGenericRecordsWhenNoSpecificReaderIsConfigured() {
		AvroSerializer<SurveyResponded> serializer = new AvroSerializer<>();
		serializer.configure(this.configs, false);
		AvroDeserializer<GenericRecord> deserializer = new AvroDeserializer<>();
		deserializer.configure(this.configs, false);

		GenericRecord decoded = deserializer.deserialize("survey-responses",
				serializer.serialize("survey-responses", SampleEvents.surveyResponded("c1")));

		assertThat(decoded).isNotInstanceOf(SurveyResponded.class);
		assertThat(decoded.get("score")).isEqualTo(6);
		assertThat(decoded.get("occurredAt")).isEqualTo(SampleEvents.OCCURRED_AT);
	}

	@Test
	void shouldReadIntoGeneratedClassesWithSpecificAvroReader() {
		this.configs.put("specific.avro.reader", "true");
		AvroSerializer<SurveyResponded> serializer = new AvroSerializer<>();
		serializer.configure(this.configs, false);
		AvroDeserializer<SurveyResponded> deserializer = new AvroDeserializer<>();
		deserializer.configure(this.configs, false);

		SurveyResponded decoded = deserializer.deserialize("survey-responses",
				serializer.serialize("survey-responses", SampleEvents.surveyResponded("c1")));

		assertThat(decoded).isEqualTo(SampleEvents.surveyResponded("c1"));
	}

	@Test
	void shouldReadARecordWrittenWithAnOlderSchemaIntoTheCurrentClass() {
		GenericRecord old = OlderSchemas.surveyRespondedV0("c-old", 10);
		AvroSerializer<GenericRecord> oldProducer = new AvroSerializer<>();
		oldProducer.configure(this.configs, false);
		Topic<String, SurveyResponded> current = new TopicCatalogue(this.configs).surveyResponses();

		SurveyResponded decoded = current.valueSerde()
			.deserializer()
			.deserialize("survey-responses", oldProducer.serialize("survey-responses", old));

		assertThat(decoded.getScore()).isEqualTo(10);
		assertThat(decoded.getSegment()).isNull();
		assertThat(decoded.getCustomerId()).isEqualTo("c-old");
	}

	@Test
	void shouldFailWhenAutoRegisterIsOffAndTheSchemaIsNotRegistered() {
		this.configs.put("auto.register.schemas", "false");
		Topic<String, SurveyResponded> topic = new TopicCatalogue(this.configs).surveyResponses();

		assertThatThrownBy(
				() -> topic.valueSerde().serializer().serialize(topic.name(), SampleEvents.surveyResponded("c1")))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("survey-responses-value")
			.hasMessageContaining("not found");
	}

	@Test
	void shouldWriteWithTheLatestRegisteredSchemaWhenUseLatestVersionIsSet() {
		InMemorySchemaRegistry registry = InMemorySchemaRegistry.forScope(this.scope);
		int id = registry.register("purchases-value", EventTopics.PURCHASES.valueSchema());
		this.configs.put("auto.register.schemas", "false");
		this.configs.put("use.latest.version", "true");
		AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>();
		serializer.configure(this.configs, false);

		byte[] bytes = serializer.serialize("purchases", SampleEvents.purchaseCompleted("c1"));

		assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
	}

	@Test
	void shouldPassNullThroughForTombstones() {
		Topic<String, SurveyResponded> topic = new TopicCatalogue(this.configs).surveyResponses();

		assertThat(topic.valueSerde().serializer().serialize(topic.name(), null)).isNull();
		assertThat(topic.valueSerde().deserializer().deserialize(topic.name(), null)).isNull();
	}

	static Stream<Arguments> corruptPayloads() {
		return Stream.of(Arguments.of("empty", new byte[0], "shorter than the 5-byte"),
				Arguments.of("header cut short", new byte[] { 0, 0, 0 }, "shorter than the 5-byte"),
				Arguments.of("wrong magic byte", new byte[] { 1, 0, 0, 0, 1, 2, 4 }, "magic byte 0x01"),
				Arguments.of("unknown schema id", new byte[] { 0, 0, 0, 0x7f, 0x7f, 2 }, "schema id 32639"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corruptPayloads")
	void shouldRejectCorruptPayloadsWithAClearError(String description, byte[] payload, String reason) {
		Topic<String, SurveyResponded> topic = new TopicCatalogue(this.configs).surveyResponses();

		assertThatThrownBy(() -> topic.valueSerde().deserializer().deserialize(topic.name(), payload))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining(reason)
			.hasMessageContaining(topic.name());
	}

	@Test
	void shouldRejectATruncatedRecord() {
		Topic<String, SurveyResponded> topic = new TopicCatalogue(this.configs).surveyResponses();
		byte[] whole = topic.valueSerde().serializer().serialize(topic.name(), SampleEvents.surveyResponded("c1"));

		for (int length : List.of(6, whole.length / 2, whole.length - 1)) {
			byte[] truncated = Arrays.copyOf(whole, length);
			assertThatThrownBy(() -> topic.valueSerde().deserializer().deserialize(topic.name(), truncated))
				.as("record cut to %d of %d bytes", length, whole.length)
				.isInstanceOf(SerializationException.class)
				.hasMessageContaining("truncated or corrupt");
		}
	}

	@Test
	void shouldRejectBytesLeftOverAfterTheRecord() {
		Topic<String, SurveyResponded> topic = new TopicCatalogue(this.configs).surveyResponses();
		byte[] whole = topic.valueSerde().serializer().serialize(topic.name(), SampleEvents.surveyResponded("c1"));
		byte[] padded = Arrays.copyOf(whole, whole.length + 3);

		assertThatThrownBy(() -> topic.valueSerde().deserializer().deserialize(topic.name(), padded))
			.isInstanceOf(SerializationException.class)
			.hasMessageContaining("left over");
	}

	@Test
	void shouldRefuseASubjectNameStrategyOtherThanTopicName() {
		this.configs.put("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy");

		assertThatThrownBy(() -> new AvroSerializer<>().configure(this.configs, false))
			.isInstanceOf(ConfigException.class)
			.hasMessageContaining("TopicNameStrategy");
	}

}
