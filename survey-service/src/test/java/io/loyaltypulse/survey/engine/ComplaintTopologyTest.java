package io.loyaltypulse.survey.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.loyaltypulse.events.ComplaintFiled;
import io.loyaltypulse.events.ComplaintResolved;
import io.loyaltypulse.events.ComplaintSeverity;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.survey.complaints.ComplaintCounts;
import io.loyaltypulse.survey.invitations.InvitationPolicy;
import io.loyaltypulse.survey.nps.SliceSet;
import io.loyaltypulse.survey.nps.Slicing;
import io.loyaltypulse.support.streams.ManagedStreams;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Complaint KPIs on the topology as it runs: a complaint counts once on the day it was
 * filed, in the slices it names; its resolution counts it resolved there with the time it
 * took; repeats and resolutions of unknown complaints change nothing.
 */
class ComplaintTopologyTest {

	static final Instant FILED = Instant.parse("2026-11-20T09:00:00Z");

	static final LocalDate DAY = LocalDate.parse("2026-11-20");

	@TempDir
	Path stateDir;

	TopologyTestDriver driver;

	TestInputTopic<String, SpecificRecord> complaints;

	@BeforeEach
	void startDriver() {
		InvitationTopics topics = InvitationTopics
			.from(new TopicCatalogue(Map.of("schema.registry.url", "mock://complaints-" + UUID.randomUUID())));
		StreamsBuilder builder = new StreamsBuilder();
		ComplaintTopology.addTo(builder,
				InvitationTopology.addTo(builder, topics,
						new InvitationPolicy(Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(2)),
						Duration.ofMinutes(1), NpsTopology.StateStores.PERSISTENT, new SimpleMeterRegistry()),
				new Slicing(List.of(SliceSet.parse("store+channel"))), Duration.ofDays(400),
				NpsTopology.StateStores.PERSISTENT);
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "survey-complaints-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.putAll(ManagedStreams.guarantees());
		config.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
		this.driver = new TopologyTestDriver(builder.build(), config, FILED);
		this.complaints = this.driver.createInputTopic(topics.complaints().name(), new StringSerializer(),
				topics.complaints().valueSerde().serializer());
	}

	@AfterEach
	void closeDriver() {
		this.driver.close();
	}

	@Test
	void shouldCountAComplaintOnceOnItsDayInTheSlicesItNames() {
		file("c-1", "cmp-1", FILED, "DELIVERY", ComplaintSeverity.HIGH, "S1");
		file("c-1", "cmp-1", FILED, "DELIVERY", ComplaintSeverity.HIGH, "S1");
		file("c-2", "cmp-2", FILED.plusSeconds(60), "BILLING", ComplaintSeverity.LOW, null);

		ComplaintCounts all = counts("all", DAY);
		assertThat(all.filed()).as("the repeat counts once").isEqualTo(2);
		assertThat(all.open()).isEqualTo(2);
		assertThat(all.byCategory()).containsEntry("DELIVERY", 1L).containsEntry("BILLING", 1L);
		assertThat(all.bySeverity()).containsEntry("HIGH", 1L).containsEntry("LOW", 1L);
		assertThat(counts("store=S1", DAY).filed()).isEqualTo(1);
		assertThat(counts("store=S1&channel=WEB", DAY).filed()).isEqualTo(1);
		assertThat(counts("channel=WEB", DAY).filed()).isEqualTo(2);
	}

	@Test
	void shouldCountAResolutionOnTheDayFiledWithTheTimeItTookOnce() {
		file("c-1", "cmp-1", FILED, "DELIVERY", ComplaintSeverity.HIGH, "S1");
		resolve("c-1", "cmp-1", FILED.plus(Duration.ofHours(26)));
		resolve("c-1", "cmp-1", FILED.plus(Duration.ofHours(30)));
		resolve("c-1", "cmp-never-filed", FILED.plus(Duration.ofHours(30)));

		ComplaintCounts store = counts("store=S1", DAY);
		assertThat(store.resolved()).isEqualTo(1);
		assertThat(store.open()).isZero();
		assertThat(store.medianTimeToResolve()).isEqualTo(Duration.ofHours(26));
		assertThat(counts("all", DAY.plusDays(1))).as("the day filed, not resolved").isEqualTo(ComplaintCounts.NONE);
	}

	private void file(String customerId, String complaintId, Instant at, String category, ComplaintSeverity severity,
			String storeId) {
		this.complaints.pipeInput(customerId,
				ComplaintFiled.newBuilder()
					.setEventId(complaintId + "-" + at.toEpochMilli())
					.setCustomerId(customerId)
					.setOccurredAt(at)
					.setComplaintId(complaintId)
					.setCategory(category)
					.setSeverity(severity)
					.setStoreId(storeId)
					.setChannel("WEB")
					.build(),
				at);
	}

	private void resolve(String customerId, String complaintId, Instant at) {
		this.complaints.pipeInput(customerId,
				ComplaintResolved.newBuilder()
					.setEventId(complaintId + "-resolved-" + at.toEpochMilli())
					.setCustomerId(customerId)
					.setOccurredAt(at)
					.setComplaintId(complaintId)
					.setResolution("REFUNDED")
					.build(),
				at);
	}

	private ComplaintCounts counts(String slice, LocalDate day) {
		ReadOnlyWindowStore<String, ComplaintCounts> store = this.driver
			.getWindowStore(ComplaintTopology.SLICE_DAYS_STORE);
		Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
		try (WindowStoreIterator<ComplaintCounts> days = store.fetch(slice, start, start)) {
			return days.hasNext() ? days.next().value : ComplaintCounts.NONE;
		}
	}

}
