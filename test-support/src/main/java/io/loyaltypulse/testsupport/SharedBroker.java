package io.loyaltypulse.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.loyaltypulse.schemas.topics.TopicProvisioner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (embedded KRaft: the broker's own code in the test JVM) for all
 * tests of a JVM, started on first use and stopped when the JVM exits. Tests keep apart
 * by unique topic names, application ids or customer ids. Set up for exactly-once on one
 * broker (transaction log replication 1) and without the consumer group's initial delay.
 */
public final class SharedBroker {

	/** The project's default partition count (DESIGN.md, "Topics"). */
	public static final int PARTITIONS = 6;

	private static EmbeddedKafkaKraftBroker broker;

	private SharedBroker() {
	}

	public static synchronized String bootstrapServers() {
		if (broker == null) {
			EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
			started.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
					"transaction.state.log.min.isr", "1", "group.initial.rebalance.delay.ms", "0"));
			started.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "embedded-kafka-stop"));
			broker = started;
		}
		return broker.getBrokersAsString();
	}

	/**
	 * Creates topics as the local stack does: {@value #PARTITIONS} partitions, and a
	 * retention above the oldest event time a service accepts, which the services check
	 * at start-up.
	 */
	public static void createTopics(String... names) {
		createTopics(List.of(names)
			.stream()
			.map((name) -> new NewTopic(name, PARTITIONS, (short) 1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG,
					Long.toString(TopicProvisioner.DEFAULT_EVENT_RETENTION.toMillis()))))
			.toList());
	}

	public static void createTopics(List<NewTopic> topics) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create topics " + topics, ex);
		}
	}

}
