package io.loyaltypulse.schemas.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.MockAdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TopicProvisionerTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final MockAdminClient admin = MockAdminClient.create().numBrokers(1).build();

	@AfterEach
	void close() {
		this.admin.close();
	}

	@Test
	void shouldCreateTopicsWithTheBrokerDefaultsUnlessAskedForARetention() throws Exception {
		new TopicProvisioner(this.admin, TIMEOUT).ensure(List.of(new NewTopic("plain", 6, (short) 1)));

		assertThat(config("plain").get("retention.ms")).isNull();
	}

	@Test
	void shouldCreateEveryTopicWithTheRetention() throws Exception {
		TopicCatalogue catalogue = new TopicCatalogue(Map.of());

		new TopicProvisioner(this.admin, TIMEOUT).withRetention(Duration.ofDays(4015))
			.ensure(catalogue.newTopics(EventTopics.all(), true));

		for (NewTopic topic : catalogue.newTopics(EventTopics.all(), true)) {
			assertThat(config(topic.name()).get("retention.ms").value()).as(topic.name())
				.isEqualTo(Long.toString(Duration.ofDays(4015).toMillis()));
		}
	}

	@Test
	void shouldKeepTheConfigsATopicDeclaresAndLeaveTheDeclarationUnchanged() throws Exception {
		NewTopic ledger = new NewTopic("ledger", 6, (short) 1)
			.configs(Map.of("retention.ms", "-1", "max.message.bytes", "2000000"));

		new TopicProvisioner(this.admin, TIMEOUT).withRetention(Duration.ofDays(4015)).ensure(List.of(ledger));

		assertThat(config("ledger").get("retention.ms").value()).isEqualTo("-1");
		assertThat(config("ledger").get("max.message.bytes").value()).isEqualTo("2000000");
		assertThat(ledger.configs()).containsOnlyKeys("retention.ms", "max.message.bytes");
		assertThat(this.admin.describeTopics(List.of("ledger")).allTopicNames().get().get("ledger").partitions())
			.hasSize(6);
	}

	@Test
	void shouldLeaveExistingTopicsAsTheyAre() throws Exception {
		new TopicProvisioner(this.admin, TIMEOUT)
			.ensure(List.of(new NewTopic("old", 6, (short) 1).configs(Map.of("retention.ms", "604800000"))));

		new TopicProvisioner(this.admin, TIMEOUT).withRetention(Duration.ofDays(4015))
			.ensure(List.of(new NewTopic("old", 6, (short) 1)));

		assertThat(config("old").get("retention.ms").value()).isEqualTo("604800000");
	}

	@Test
	void shouldStillRefuseAnExistingTopicWithAnotherPartitionCount() {
		new TopicProvisioner(this.admin, TIMEOUT).ensure(List.of(new NewTopic("purchases", 3, (short) 1)));

		assertThatIllegalStateException()
			.isThrownBy(() -> new TopicProvisioner(this.admin, TIMEOUT).withRetention(Duration.ofDays(1))
				.ensure(List.of(new NewTopic("purchases", 6, (short) 1))))
			.withMessageContaining("purchases has 3 partitions, expected 6");
	}

	@Test
	void shouldRefuseARetentionThatDeletesEverything() {
		TopicProvisioner provisioner = new TopicProvisioner(this.admin, TIMEOUT);

		assertThatIllegalArgumentException().isThrownBy(() -> provisioner.withRetention(Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> provisioner.withRetention(Duration.ofDays(-1)));
	}

	@Test
	void shouldCreateWithARetentionAboveTheOldestAcceptedEventByDefault() {
		assertThat(TopicProvisioner.DEFAULT_EVENT_RETENTION)
			.isGreaterThan(Duration.ofDays(3650).plus(RetentionCheck.READ_MARGIN));
	}

	private Config config(String topic) throws Exception {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		return this.admin.describeConfigs(List.of(resource)).all().get().get(resource);
	}

}
