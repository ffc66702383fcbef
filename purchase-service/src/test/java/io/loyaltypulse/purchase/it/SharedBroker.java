package io.loyaltypulse.purchase.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (embedded KRaft: the broker's own code in the test JVM) for all
 * ITs of this module, started on first use and stopped when the JVM exits. Tests keep
 * apart by unique topic names.
 */
final class SharedBroker {

	private static EmbeddedKafkaKraftBroker broker;

	private SharedBroker() {
	}

	static synchronized String bootstrapServers() {
		if (broker == null) {
			broker = new EmbeddedKafkaKraftBroker(1, 6);
			broker.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
		}
		return broker.getBrokersAsString();
	}

	/** Creates topics with 6 partitions, as the local stack and DESIGN.md do. */
	static void createTopics(String... names) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			admin.createTopics(List.of(names).stream().map((name) -> new NewTopic(name, 6, (short) 1)).toList())
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create topics " + List.of(names), ex);
		}
	}

}
