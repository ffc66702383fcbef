package io.loyaltypulse.schemas.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.MockAdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class RetentionCheckTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final Duration TEN_YEARS = Duration.ofDays(3650);

	private final MockAdminClient admin = MockAdminClient.create().numBrokers(1).build();

	@AfterEach
	void close() {
		this.admin.close();
	}

	@Test
	void shouldAcceptTopicsThatKeepTheOldestAcceptedEventForTheReadMargin() {
		topic("purchases", Map.of("retention.ms", Long.toString(TEN_YEARS.plus(Duration.ofDays(7)).toMillis())));
		topic("invoices", Map.of("retention.ms", Long.toString(TopicProvisioner.DEFAULT_EVENT_RETENTION.toMillis())));
		topic("points-ledger", Map.of("retention.ms", "-1"));
		topic("compacted", Map.of("cleanup.policy", "compact", "retention.ms", "1000"));

		assertThatNoException().isThrownBy(() -> RetentionCheck.verify(this.admin,
				List.of("purchases", "invoices", "points-ledger", "compacted"), TEN_YEARS, TIMEOUT));
	}

	@Test
	void shouldNameEveryTopicThatDeletesAcceptedEvents() {
		topic("purchases", Map.of("retention.ms", "604800000"));
		topic("invoices", Map.of("retention.ms", Long.toString(TEN_YEARS.toMillis())));
		topic("both", Map.of("cleanup.policy", "compact,delete", "retention.ms", "86400000"));
		topic("fine", Map.of("retention.ms", "-1"));

		assertThatIllegalStateException()
			.isThrownBy(() -> RetentionCheck.verify(this.admin, List.of("purchases", "invoices", "both", "fine"),
					TEN_YEARS, TIMEOUT))
			.withMessageContaining("purchases keeps records for 7d (retention.ms=604800000)")
			.withMessageContaining("invoices keeps records for 3650d")
			.withMessageContaining("both keeps records for 1d")
			.withMessageNotContaining("fine")
			.withMessageContaining("at least " + TEN_YEARS.plus(Duration.ofDays(7)).toMillis() + " (3657d, or -1)");
	}

	@Test
	void shouldFallBackToTheBrokerDefaultWhenTheTopicSetsNone() {
		topic("purchases", Map.of());
		brokerConfig("log.retention.hours", "168");

		assertThatIllegalStateException()
			.isThrownBy(() -> RetentionCheck.verify(this.admin, List.of("purchases"), TEN_YEARS, TIMEOUT))
			.withMessageContaining("purchases keeps records for 7d");

		brokerConfig("log.retention.ms", "-1");
		assertThatNoException()
			.isThrownBy(() -> RetentionCheck.verify(this.admin, List.of("purchases"), TEN_YEARS, TIMEOUT));
	}

	@Test
	void shouldTakeKafkasDefaultWeekWhenTheBrokerReportsNoRetention() {
		topic("purchases", Map.of());

		assertThatIllegalStateException()
			.isThrownBy(() -> RetentionCheck.verify(this.admin, List.of("purchases"), Duration.ofDays(1), TIMEOUT))
			.withMessageContaining("purchases keeps records for 7d");
	}

	@Test
	void shouldNameTopicsThatDoNotExist() {
		topic("purchases", Map.of("retention.ms", "-1"));

		assertThatIllegalStateException()
			.isThrownBy(() -> RetentionCheck.verify(this.admin, List.of("purchases", "invoices"), TEN_YEARS, TIMEOUT))
			.withMessageContaining("invoices does not exist")
			.withMessageNotContaining("purchases");
	}

	private void topic(String name, Map<String, String> configs) {
		new TopicProvisioner(this.admin, TIMEOUT).ensure(List.of(new NewTopic(name, 1, (short) 1).configs(configs)));
	}

	private void brokerConfig(String name, String value) {
		try {
			this.admin
				.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.BROKER, "0"),
						List.of(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET))))
				.all()
				.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
