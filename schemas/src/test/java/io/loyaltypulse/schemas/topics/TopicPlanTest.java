package io.loyaltypulse.schemas.topics;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

class TopicPlanTest {

	private static final String DEFAULT_RETENTION_MS = Long
		.toString(TopicProvisioner.DEFAULT_EVENT_RETENTION.toMillis());

	private final MockAdminClient admin = MockAdminClient.create().numBrokers(1).build();

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@AfterEach
	void close() {
		this.admin.close();
	}

	@Test
	void shouldPlanEveryCatalogueTopicWithTheDeadLetterTopicsOfTheLocalStack() {
		List<NewTopic> topics = TopicPlan.newTopics(new TopicCatalogue(Map.of()), List.of());

		assertThat(topics).extracting(NewTopic::name)
			.containsExactly("purchases", "purchases.DLT", "invoices", "invoices.DLT", "survey-responses",
					"survey-responses.DLT", "complaints", "complaints.DLT", "points-ledger", "points-ledger.DLT",
					"points-requests", "points-requests.DLT", "points-request-outcomes", "points-tier-events",
					"nps-scores", "survey-invitations", "churn-alerts", "churn-alerts.DLT", "churn-alert-actions",
					"churn-alert-actions.DLT", "churn-alert-action-outcomes", "engagements", "engagements.DLT",
					"points-referral-rewards", "points-referral-rewards.DLT", "webhook-subscriptions",
					"webhook-deliveries", "webhook-deliveries.DLT");
		assertThat(topics).allSatisfy((topic) -> assertThat(topic.numPartitions()).isEqualTo(6));
		assertThat(topics)
			.filteredOn((topic) -> topic.configs() != null && "compact".equals(topic.configs().get("cleanup.policy")))
			.extracting(NewTopic::name)
			.containsExactly("webhook-subscriptions", "webhook-deliveries");
	}

	@Test
	void shouldAppendTheExtraTopicsButRefuseOnesThatThePlanHasAlready() {
		TopicCatalogue catalogue = new TopicCatalogue(Map.of("loyalty.topics.partitions", "3"));

		assertThat(TopicPlan.newTopics(catalogue, List.of("crm-exports", "crm-exports.DLT"))).extracting(NewTopic::name)
			.endsWith("webhook-deliveries.DLT", "crm-exports", "crm-exports.DLT");
		assertThatIllegalArgumentException().isThrownBy(() -> TopicPlan.newTopics(catalogue, List.of("purchases")))
			.withMessageContaining("purchases is planned already");
		assertThatIllegalArgumentException().isThrownBy(() -> TopicPlan.newTopics(catalogue, List.of("nps-scores")))
			.withMessageContaining("nps-scores is planned already");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TopicPlan.newTopics(catalogue, List.of("crm-exports", "crm-exports")));
	}

	@Test
	void shouldPrintThePlanWithoutABrokerOnADryRun() {
		int status = TopicPlan.run(new String[] { "--dry-run", "--partitions", "4", "crm-exports" }, out());

		assertThat(status).isZero();
		assertThat(output()).startsWith("29 topics, 4 partitions each, retention 4015d: purchases purchases.DLT ")
			.contains(" points-tier-events nps-scores survey-invitations churn-alerts")
			.contains(" churn-alert-action-outcomes engagements engagements.DLT ")
			.contains(" points-referral-rewards points-referral-rewards.DLT webhook-subscriptions webhook-deliveries")
			.contains(" webhook-deliveries.DLT crm-exports");
	}

	@Test
	void shouldRefuseUnknownOptionsAndAMissingBroker() {
		assertThatIllegalArgumentException().isThrownBy(() -> TopicPlan.run(new String[] { "--retention", "1" }, out()))
			.withMessageContaining("unknown option --retention");
		assertThatIllegalArgumentException().isThrownBy(() -> TopicPlan.run(new String[] { "crm-exports" }, out()))
			.withMessageContaining("--bootstrap-server is required");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TopicPlan.run(new String[] { "--dry-run", "--retention-ms", "-1" }, out()))
			.withMessageContaining("must be positive");
	}

	@Test
	void shouldCreateTheMissingTopicsWithTheEventRetentionAndRaiseTooShortOnes() throws Exception {
		new TopicProvisioner(this.admin, Duration.ofSeconds(5))
			.ensure(List.of(new NewTopic("purchases", 6, (short) 1).configs(Map.of("retention.ms", "604800000")),
					new NewTopic("invoices", 6, (short) 1).configs(Map.of("retention.ms", "-1"))));
		List<NewTopic> topics = TopicPlan.newTopics(new TopicCatalogue(Map.of()), List.of("crm-exports"));

		TopicPlan.provision(this.admin, topics, options("--raise-retention"), out());

		assertThat(output()).contains("Created 27 topics: purchases.DLT invoices.DLT survey-responses")
			.contains("Raised retention.ms to " + DEFAULT_RETENTION_MS + " (4015d) on 1 topics that kept records "
					+ "for less: purchases");
		assertThat(retention("purchases")).isEqualTo(DEFAULT_RETENTION_MS);
		assertThat(retention("invoices")).isEqualTo("-1");
		assertThat(retention("nps-scores")).isEqualTo(DEFAULT_RETENTION_MS);
		assertThat(retention("churn-alerts")).isEqualTo(DEFAULT_RETENTION_MS);
		assertThat(retention("crm-exports")).isEqualTo(DEFAULT_RETENTION_MS);
		assertThat(retention("points-ledger.DLT")).isEqualTo(DEFAULT_RETENTION_MS);
	}

	@Test
	void shouldLeaveExistingTopicsAloneWithoutRaiseRetention() throws Exception {
		new TopicProvisioner(this.admin, Duration.ofSeconds(5))
			.ensure(List.of(new NewTopic("purchases", 6, (short) 1).configs(Map.of("retention.ms", "604800000"))));
		List<NewTopic> topics = TopicPlan.newTopics(new TopicCatalogue(Map.of()), List.of());

		TopicPlan.provision(this.admin, topics, options(), out());
		TopicPlan.provision(this.admin, topics, options(), out());

		assertThat(retention("purchases")).isEqualTo("604800000");
		assertThat(output()).contains("All 28 topics exist.");
	}

	private static TopicPlan.Options options(String... more) {
		List<String> args = new java.util.ArrayList<>(List.of("--bootstrap-server", "unused:9092"));
		args.addAll(List.of(more));
		return TopicPlan.Options.parse(args.toArray(String[]::new));
	}

	private String retention(String topic) throws Exception {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		Config config = this.admin.describeConfigs(List.of(resource)).all().get().get(resource);
		return config.get("retention.ms").value();
	}

	private PrintStream out() {
		return new PrintStream(this.output, true, StandardCharsets.UTF_8);
	}

	private String output() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

}
