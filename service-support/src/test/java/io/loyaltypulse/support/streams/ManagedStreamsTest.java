package io.loyaltypulse.support.streams;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.internals.CloseOptionsInternal;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every topology runs with, whatever the service configured: exactly-once, the
 * dead-letter handler, its own {@code application.server}, and static membership exactly
 * when an instance id is set; and how it leaves on a graceful stop.
 */
class ManagedStreamsTest {

	private static final HostInfo SELF = new HostInfo("points-0.points", 8082);

	@Test
	void shouldRunExactlyOnceWithTheDeadLetterHandlerWhateverTheServiceConfigured() {
		Properties config = ManagedStreams.streamsConfig(
				Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE), "points-service", SELF,
				properties(""));

		assertThat(config).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
			.containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "points-service")
			.containsEntry(StreamsConfig.APPLICATION_SERVER_CONFIG, "points-0.points:8082")
			.containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
					DeadLetterHandler.class.getName())
			.containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
	}

	@Test
	void shouldKeepAnApplicationIdTheServiceConfigured() {
		Properties config = ManagedStreams.streamsConfig(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "points-blue"),
				"points-service", SELF, properties(""));

		assertThat(config).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "points-blue");
	}

	@Test
	void shouldJoinAsAStaticMemberOnlyWhenAnInstanceIdIsSet() {
		String instanceId = StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);

		assertThat(ManagedStreams.streamsConfig(Map.of(), "points-service", SELF, properties("points-0")))
			.containsEntry(instanceId, "points-0");
		assertThat(ManagedStreams.streamsConfig(Map.of(), "points-service", SELF, properties("")))
			.doesNotContainKey(instanceId);
	}

	@Test
	void shouldLeaveTheGroupOnAGracefulStopOnlyAsADynamicMember() {
		assertThat(new CloseOptionsInternal(ManagedStreams.closeOptions(properties(""))).operation())
			.isEqualTo(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
		assertThat(new CloseOptionsInternal(ManagedStreams.closeOptions(properties("points-0"))).operation())
			.isEqualTo(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP);
		assertThat(new CloseOptionsInternal(ManagedStreams.closeOptions(properties(""))).timeout())
			.contains(Duration.ofSeconds(30));
	}

	private static StreamsProperties properties(String instanceId) {
		return new StreamsProperties("127.0.0.1", instanceId, Duration.ofSeconds(30), Duration.ofSeconds(2),
				Duration.ofSeconds(5));
	}

}
