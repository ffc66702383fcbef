package io.loyaltypulse.survey.engine;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.loyaltypulse.events.ComplaintFiled;
import io.loyaltypulse.events.ComplaintResolved;
import io.loyaltypulse.events.ComplaintSeverity;
import io.loyaltypulse.events.OrderLine;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.events.SurveyInvitationDue;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.support.streams.DeadLetterHandler;
import io.loyaltypulse.support.streams.ManagedStreams;
import io.loyaltypulse.survey.invitations.InvitationPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Post-purchase invitations on the topology as it runs, the wall clock moved by the test:
 * due invite-after (7 days) after a purchase, at most one per customer per min-interval
 * (90 days), never while a complaint is open, none for a backfilled purchase, and the
 * customer forgotten once no rule needs them.
 */
class InvitationTopologyTest {

	static final Instant START = Instant.parse("2026-11-01T10:00:00Z");

	@TempDir
	Path stateDir;

	TopologyTestDriver driver;

	TestInputTopic<String, SpecificRecord> purchases;

	TestInputTopic<String, SpecificRecord> complaints;

	TestOutputTopic<String, SurveyInvitationDue> invitations;

	TestOutputTopic<byte[], byte[]> purchaseDeadLetters;

	Duration elapsed = Duration.ZERO;

	@BeforeEach
	void startDriver() {
		InvitationTopics topics = InvitationTopics
			.from(new TopicCatalogue(Map.of("schema.registry.url", "mock://invitations-" + UUID.randomUUID())));
		StreamsBuilder builder = new StreamsBuilder();
		InvitationTopology.addTo(builder, topics,
				new InvitationPolicy(Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(2)),
				Duration.ofMinutes(1), NpsTopology.StateStores.PERSISTENT, new SimpleMeterRegistry());
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "survey-invitations-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.putAll(ManagedStreams.guarantees());
		config.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
		this.driver = new TopologyTestDriver(builder.build(), config, START);
		this.purchases = this.driver.createInputTopic(topics.purchases().name(), new StringSerializer(),
				topics.purchases().valueSerde().serializer());
		this.complaints = this.driver.createInputTopic(topics.complaints().name(), new StringSerializer(),
				topics.complaints().valueSerde().serializer());
		this.invitations = this.driver.createOutputTopic(topics.invitations().name(), new StringDeserializer(),
				topics.invitations().valueSerde().deserializer());
		this.purchaseDeadLetters = this.driver.createOutputTopic(topics.purchases().deadLetterTopic(),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	@AfterEach
	void closeDriver() {
		this.driver.close();
	}

	@Test
	void shouldSendAnInvitationInviteAfterThePurchase() {
		purchase("c-1", "p-1", START);

		wallClockTo(START.plus(Duration.ofDays(7)).minusSeconds(60));
		assertThat(this.invitations.isEmpty()).as("not due yet").isTrue();
		wallClockTo(START.plus(Duration.ofDays(7)).plusSeconds(60));

		assertThat(this.invitations.readKeyValuesToList()).singleElement().satisfies((record) -> {
			assertThat(record.key).isEqualTo("c-1");
			SurveyInvitationDue invitation = record.value;
			assertThat(invitation.getEventId()).isEqualTo("invitation:p-1");
			assertThat(invitation.getOccurredAt()).isEqualTo(START.plus(Duration.ofDays(7)));
			assertThat(invitation.getPurchasedAt()).isEqualTo(START);
			assertThat(invitation.getOrderId()).isEqualTo("o-p-1");
			assertThat(invitation.getTouchpoint()).isEqualTo("POST_PURCHASE");
			assertThat(invitation.getStoreId()).isEqualTo("S1");
		});
	}

	@Test
	void shouldSendAtMostOneInvitationPerCustomerPerMinimumInterval() {
		purchase("c-1", "p-1", START);
		purchase("c-1", "p-2", START.plus(Duration.ofDays(1)));
		wallClockTo(START.plus(Duration.ofDays(30)));
		purchase("c-1", "p-3", START.plus(Duration.ofDays(30)));
		wallClockTo(START.plus(Duration.ofDays(100)));
		purchase("c-1", "p-4", START.plus(Duration.ofDays(100)));
		wallClockTo(START.plus(Duration.ofDays(108)));

		assertThat(this.invitations.readValuesToList()).extracting(SurveyInvitationDue::getPurchaseEventId)
			.as("p-2 while p-1 was pending, p-3 within 90 days of p-1's invitation")
			.containsExactly("p-1", "p-4");
	}

	@Test
	void shouldSendNoInvitationWhileTheCustomerHasAnOpenComplaint() {
		purchase("c-1", "p-1", START);
		purchase("c-2", "p-2", START);
		complaint("c-1", "cmp-1", START.plus(Duration.ofDays(3)), false);
		complaint("c-2", "cmp-2", START.plus(Duration.ofDays(3)), false);
		complaint("c-2", "cmp-2", START.plus(Duration.ofDays(5)), true);
		wallClockTo(START.plus(Duration.ofDays(8)));

		assertThat(this.invitations.readKeyValuesToList()).extracting((record) -> record.key)
			.as("c-1's complaint is open, c-2's resolved")
			.containsExactly("c-2");
		complaint("c-1", "cmp-1", START.plus(Duration.ofDays(9)), true);
		purchase("c-1", "p-3", START.plus(Duration.ofDays(9)));
		wallClockTo(START.plus(Duration.ofDays(17)));
		assertThat(this.invitations.readValuesToList()).extracting(SurveyInvitationDue::getPurchaseEventId)
			.as("the suppressed invitation is dropped, the next purchase's is sent")
			.containsExactly("p-3");
	}

	@Test
	void shouldSendNoInvitationForABackfilledPurchase() {
		purchase("c-1", "p-old", START.minus(Duration.ofDays(30)));
		wallClockTo(START.plus(Duration.ofDays(1)));

		assertThat(this.invitations.isEmpty()).isTrue();
		assertThat(customers().get("c-1")).isNull();
	}

	@Test
	void shouldForgetTheCustomerOnceNoRuleNeedsThem() {
		purchase("c-1", "p-1", START);
		wallClockTo(START.plus(Duration.ofDays(8)));
		assertThat(customers().get("c-1")).isNotNull();

		wallClockTo(START.plus(Duration.ofDays(98)));

		assertThat(customers().get("c-1")).isNull();
		try (var due = this.driver.<String, String>getKeyValueStore(InvitationTopology.DUE_STORE).all()) {
			assertThat(due.hasNext()).isFalse();
		}
	}

	@Test
	void shouldDeadLetterAPurchaseNotKeyedByItsCustomer() {
		this.purchases.pipeInput("c-other", purchaseOf("c-1", "p-1", START), START);

		assertThat(this.purchaseDeadLetters.readRecordsToList()).singleElement()
			.satisfies((record) -> assertThat(new String(
					record.headers().lastHeader(DeadLetterHandler.REASON_HEADER).value(), StandardCharsets.UTF_8))
				.contains("not keyed by its customerId"));
	}

	private void purchase(String customerId, String eventId, Instant at) {
		this.purchases.pipeInput(customerId, purchaseOf(customerId, eventId, at), at);
	}

	static PurchaseCompleted purchaseOf(String customerId, String eventId, Instant at) {
		return PurchaseCompleted.newBuilder()
			.setEventId(eventId)
			.setCustomerId(customerId)
			.setOccurredAt(at)
			.setOrderId("o-" + eventId)
			.setStoreId("S1")
			.setChannel("WEB")
			.setRegion("EU")
			.setLines(List.of(OrderLine.newBuilder()
				.setLineId("1")
				.setSku("SKU")
				.setCategory("GROCERY")
				.setQuantity(1)
				.setUnitPrice(new BigDecimal("9.0000"))
				.build()))
			.setTotal(new BigDecimal("9.0000"))
			.setCurrency("EUR")
			.build();
	}

	private void complaint(String customerId, String complaintId, Instant at, boolean resolved) {
		SpecificRecord event = resolved
				? ComplaintResolved.newBuilder()
					.setEventId(complaintId + "-resolved")
					.setCustomerId(customerId)
					.setOccurredAt(at)
					.setComplaintId(complaintId)
					.setResolution("REFUNDED")
					.build()
				: ComplaintFiled.newBuilder()
					.setEventId(complaintId)
					.setCustomerId(customerId)
					.setOccurredAt(at)
					.setComplaintId(complaintId)
					.setCategory("DELIVERY")
					.setSeverity(ComplaintSeverity.HIGH)
					.build();
		this.complaints.pipeInput(customerId, event, at);
	}

	private void wallClockTo(Instant at) {
		Duration step = Duration.between(START.plus(this.elapsed), at);
		this.elapsed = this.elapsed.plus(step);
		this.driver.advanceWallClockTime(step);
	}

	private KeyValueStore<String, Object> customers() {
		return this.driver.getKeyValueStore(InvitationTopology.CUSTOMERS_STORE);
	}

}
