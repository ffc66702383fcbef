package io.loyaltypulse.support.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.MockAdminClient;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The start-up check on partition counts, against Kafka's own in-memory admin client (a
 * fast unit test of the rule; the ITs start against a real broker).
 */
class CoPartitioningTest {

	static final Node BROKER = new Node(0, "127.0.0.1", 9092);

	static final List<String> INPUTS = List.of("purchases", "survey-responses", "points-requests");

	@Test
	void shouldAcceptInputsWithTheSamePartitionCount() {
		try (MockAdminClient admin = admin(6, 6, 6)) {
			assertThatCode(() -> CoPartitioning.verify(admin, INPUTS, Duration.ofSeconds(5)))
				.doesNotThrowAnyException();
		}
	}

	@Test
	void shouldRefuseInputsWithDifferentPartitionCountsNamingThem() {
		try (MockAdminClient admin = admin(6, 6, 12)) {
			assertThatIllegalStateException()
				.isThrownBy(() -> CoPartitioning.verify(admin, INPUTS, Duration.ofSeconds(5)))
				.withMessageContaining("points-requests=12")
				.withMessageContaining("purchases=6");
		}
	}

	private static MockAdminClient admin(int... partitions) {
		MockAdminClient admin = new MockAdminClient(List.of(BROKER), BROKER);
		for (int i = 0; i < INPUTS.size(); i++) {
			List<TopicPartitionInfo> infos = new ArrayList<>();
			for (int p = 0; p < partitions[i]; p++) {
				infos.add(new TopicPartitionInfo(p, BROKER, List.of(BROKER), List.of(BROKER)));
			}
			admin.addTopic(false, INPUTS.get(i), infos, Map.of());
		}
		return admin;
	}

}
