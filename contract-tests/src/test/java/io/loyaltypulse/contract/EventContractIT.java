package io.loyaltypulse.contract;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loyaltypulse.contract.RealInfrastructure.Infrastructure;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.schemas.registry.SchemaRegistryClient;
import io.loyaltypulse.schemas.registry.SchemaRegistryClients;
import io.loyaltypulse.schemas.serde.AvroDeserializer;
import io.loyaltypulse.schemas.serde.AvroSerializer;
import io.loyaltypulse.schemas.testing.OlderSchemas;
import io.loyaltypulse.schemas.testing.SampleEvents;
import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.schemas.topics.TopicDefinition;
import io.loyaltypulse.schemas.topics.TopicProvisioner;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event contract end to end: every event type through the real broker and the real
 * registry, and the bytes on the topic readable by anyone who speaks the Confluent wire
 * format.
 */
@ExtendWith(RealInfrastructure.class)
class EventContractIT {

	private final Infrastructure infrastructure;

	private final KafkaClients kafka;

	/**
	 * Topic names unique to this test instance, so that tests never see each other's
	 * records.
	 */
	private final String prefix = "contract-" + UUID.randomUUID().toString().substring(0, 8) + ".";

	private final TopicCatalogue catalogue;

	EventContractIT(Infrastructure infrastructure) {
		this.infrastructure = infrastructure;
		this.kafka = new KafkaClients(infrastructure.bootstrapServers());
		Map<String, Object> config = new HashMap<>(Map.of("schema.registry.url", infrastructure.registryUrl(),
				"loyalty.topics.partitions", "3", "loyalty.topics.replication-factor", "1"));
		for (TopicDefinition<?> topic : EventTopics.all()) {
			config.put(TopicCatalogue.NAME_PREFIX + topic.key(), this.prefix + topic.key());
		}
		this.catalogue = new TopicCatalogue(config);
	}

	@Test
	void shouldRoundTripEveryEventTypeThroughTheBrokerAndTheRegistry() throws Exception {
		provisionTopics();

		roundTrip(EventTopics.PURCHASES,
				List.of(SampleEvents.purchaseCompleted("c-1"), SampleEvents.purchaseRefunded("c-1")));
		roundTrip(EventTopics.INVOICES, List.of(SampleEvents.invoiceIssued("c-2"),
				SampleEvents.invoicePaymentReceived("c-2"), SampleEvents.invoiceCancelled("c-2")));
		roundTrip(EventTopics.SURVEY_RESPONSES, List.of(SampleEvents.surveyResponded("c-3")));
		roundTrip(EventTopics.COMPLAINTS,
				List.of(SampleEvents.complaintFiled("c-4"), SampleEvents.complaintResolved("c-4")));
		roundTrip(EventTopics.NPS_SCORES, List.of(SampleEvents.npsScoreUpdated("S1")));
		roundTrip(EventTopics.SURVEY_INVITATIONS, List.of(SampleEvents.surveyInvitationDue("c-5")));
		roundTrip(EventTopics.ENGAGEMENTS,
				List.of(SampleEvents.reviewPublished("c-6"), SampleEvents.referralRegistered("c-7", "c-6")));
		roundTrip(EventTopics.POINTS_REFERRAL_REWARDS, List.of(SampleEvents.referralQualified("c-6", "c-7")));
		roundTrip(EventTopics.CHURN_ALERTS,
				List.of(SampleEvents.churnAlertRaised("c-8"), SampleEvents.churnAlertResolved("c-8")));
		roundTrip(EventTopics.CHURN_ALERT_ACTIONS, List.of(SampleEvents.churnAlertActionRequested("c-8")));
		roundTrip(EventTopics.CHURN_ALERT_ACTION_OUTCOMES, List.of(SampleEvents.churnAlertActionOutcome("c-8")));
	}

	@Test
	void shouldPutExactlyMagicByteRegistryIdAndPlainAvroBinaryOnTheTopic() throws Exception {
		Topic<String, SpecificRecord> purchases = this.catalogue.purchases();
		PurchaseCompleted purchase = SampleEvents.purchaseCompleted("c-bytes");
		send(purchases, List.of(purchase));

		byte[] value = this.kafka.read(purchases.name(), 1, new ByteArrayDeserializer(), new ByteArrayDeserializer())
			.get(0)
			.value();

		int id = registry().lookUpId(purchases.name() + "-value", EventTopics.PURCHASES.valueSchema());
		assertThat(value[0]).as("magic byte").isZero();
		assertThat(ByteBuffer.wrap(value, 1, 4).getInt()).as("schema id").isEqualTo(id);
		Schema fetchedByPlainHttp = fetchSchemaByIdWithoutOurClient(id);
		GenericRecord decoded = new GenericDatumReader<GenericRecord>(fetchedByPlainHttp).read(null,
				DecoderFactory.get().binaryDecoder(Arrays.copyOfRange(value, 5, value.length), null));
		assertThat(decoded.getSchema().getFullName()).isEqualTo("io.loyaltypulse.events.PurchaseCompleted");
		assertThat(decoded.get("orderId")).hasToString(purchase.getOrderId());
		assertThat(decoded.get("customerId")).hasToString("c-bytes");
		assertThat(decoded.get("occurredAt")).isEqualTo(purchase.getOccurredAt().toEpochMilli());
	}

	@Test
	void shouldReadRecordsWrittenWithAnOlderSchemaVersion() throws Exception {
		String topic = this.prefix + "survey-evolution";
		SchemaRegistryClient registry = registry();
		GenericRecord older = OlderSchemas.surveyRespondedV0("c-old", 3);
		AvroSerializer<GenericRecord> oldProducer = new AvroSerializer<>();
		oldProducer.configure(Map.of("schema.registry.url", this.infrastructure.registryUrl()), false);
		this.kafka.send(new StringSerializer(), oldProducer, List.of(new ProducerRecord<>(topic, "c-old", older)));
		int currentId = registry.register(topic + "-value", SurveyResponded.getClassSchema());
		int olderId = registry.lookUpId(topic + "-value", older.getSchema());

		AvroDeserializer<SurveyResponded> currentReader = new AvroDeserializer<>(SurveyResponded.getClassSchema());
		currentReader.configure(Map.of("schema.registry.url", this.infrastructure.registryUrl()), false);
		SurveyResponded read = this.kafka.read(topic, 1, new StringDeserializer(), currentReader).get(0).value();

		assertThat(currentId).as("the newer version is registered as a new id").isNotEqualTo(olderId);
		assertThat(read.getScore()).isEqualTo(3);
		assertThat(read.getCustomerId()).isEqualTo("c-old");
		assertThat(read.getSegment()).as("field added later, read as its default").isNull();
		assertThat(registry.latestVersion(topic + "-value").version()).isEqualTo(2);
	}

	@Test
	void shouldProvisionTopicsIdempotentlyAndRefuseAPartitionMismatch() {
		provisionTopics();
		provisionTopics();

		TopicCatalogue twelvePartitions = new TopicCatalogue(
				Map.of("loyalty.topics.purchases", this.prefix + "purchases", "loyalty.topics.partitions", "12"));
		try (Admin admin = admin()) {
			TopicProvisioner provisioner = new TopicProvisioner(admin, Duration.ofSeconds(30));
			assertThatThrownBy(
					() -> provisioner.ensure(twelvePartitions.newTopics(List.of(EventTopics.PURCHASES), false)))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining(this.prefix + "purchases has 3 partitions, expected 12");
		}
	}

	private <V> void roundTrip(TopicDefinition<V> definition, List<V> events) throws Exception {
		Topic<String, V> topic = this.catalogue.topic(definition);
		send(topic, events);

		List<ConsumerRecord<String, V>> records = this.kafka.read(topic.name(), events.size(),
				topic.keySerde().deserializer(), topic.valueSerde().deserializer());

		assertThat(records).extracting(ConsumerRecord::value).containsExactlyElementsOf(events);
		assertThat(records).allSatisfy((record) -> assertThat(record.key()).isEqualTo(keyOf(record.value())));
	}

	private <V> void send(Topic<String, V> topic, List<V> events) throws Exception {
		List<ProducerRecord<String, V>> records = events.stream()
			.map((event) -> new ProducerRecord<>(topic.name(), keyOf(event), event))
			.toList();
		this.kafka.send(topic.keySerde().serializer(), topic.valueSerde().serializer(), records);
	}

	/** The customer id, or for nps-scores the slice (DESIGN.md, "Topics"). */
	private static String keyOf(Object event) {
		SpecificRecord record = (SpecificRecord) event;
		String keyField = (record.getSchema().getField("customerId") != null) ? "customerId" : "slice";
		return (String) record.get(record.getSchema().getField(keyField).pos());
	}

	private void provisionTopics() {
		try (Admin admin = admin()) {
			new TopicProvisioner(admin, Duration.ofSeconds(30))
				.ensure(this.catalogue.newTopics(EventTopics.all(), true));
			assertThat(admin.listTopics().names().get()).contains(this.prefix + "purchases",
					this.prefix + "purchases.DLT", this.prefix + "complaints.DLT");
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.infrastructure.bootstrapServers()));
	}

	private SchemaRegistryClient registry() {
		return SchemaRegistryClients.create(Map.of("schema.registry.url", this.infrastructure.registryUrl()));
	}

	private Schema fetchSchemaByIdWithoutOurClient(int id) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.infrastructure.registryUrl() + "/schemas/ids/" + id)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return new Schema.Parser().parse(new ObjectMapper().readTree(response.body()).get("schema").asText());
	}

}
