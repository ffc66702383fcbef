package io.loyaltypulse.support.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a service's {@link StreamsTopology}: checks that its inputs are co-partitioned,
 * configures exactly-once, the {@link DeadLetterHandler}, {@code application.server} and
 * static membership, and starts it once the web server knows its port (this lifecycle's
 * phase is after the web server's), so that other instances can forward queries to it.
 * Closes it first on shutdown.
 *
 * <p>
 * An exception that is not bad data is a bug: the client shuts down and its health turns
 * DOWN, rather than skip a record and lose data; a schema registry out of reach replaces
 * the failed thread after a backoff instead ({@link StreamThreadFailures}). Never calls
 * {@code cleanUp()}: local state survives restarts; the changelog restores only what is
 * missing.
 */
public class ManagedStreams implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ManagedStreams.class);

	private final StreamsTopology topology;

	private final KafkaProperties kafka;

	private final StreamsProperties properties;

	private final Duration adminTimeout;

	private final MeterRegistry metrics;

	private final ApplicationContext context;

	private volatile KafkaStreams streams;

	private volatile HostInfo self;

	private KafkaStreamsMetrics streamsMetrics;

	public ManagedStreams(StreamsTopology topology, KafkaProperties kafka, StreamsProperties properties,
			Duration adminTimeout, MeterRegistry metrics, ApplicationContext context) {
		this.topology = topology;
		this.kafka = kafka;
		this.properties = properties;
		this.adminTimeout = adminTimeout;
		this.metrics = metrics;
		this.context = context;
	}

	@Override
	public void start() {
		this.self = new HostInfo(this.properties.advertisedHost(), webServerPort());
		if (!this.topology.coPartitionedInputs().isEmpty()) {
			try (Admin admin = Admin.create(this.kafka.buildAdminProperties())) {
				CoPartitioning.verify(admin, this.topology.coPartitionedInputs(), this.adminTimeout);
			}
		}
		Properties config = streamsConfig();
		KafkaStreams kafkaStreams = new KafkaStreams(this.topology.build(new StreamsBuilder()), config);
		String name = String.valueOf(config.get(StreamsConfig.APPLICATION_ID_CONFIG));
		kafkaStreams
			.setStateListener((newState, oldState) -> log.info("{} streams {} -> {}", name, oldState, newState));
		kafkaStreams.setUncaughtExceptionHandler(new StreamThreadFailures(name, Thread::sleep, System::nanoTime));
		this.streamsMetrics = new KafkaStreamsMetrics(kafkaStreams);
		this.streamsMetrics.bindTo(this.metrics);
		this.streams = kafkaStreams;
		kafkaStreams.start();
	}

	@Override
	public void stop() {
		KafkaStreams kafkaStreams = this.streams;
		if (kafkaStreams != null) {
			kafkaStreams.close(closeOptions(this.properties));
			this.streamsMetrics.close();
			this.streams = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.streams != null;
	}

	/**
	 * A graceful stop: a dynamic member leaves the group, so that the other instances, or
	 * this one restarted, take its tasks at once instead of after the session timeout; a
	 * static member stays, so that it takes them back without a rebalance when it
	 * restarts under the same instance id.
	 */
	static CloseOptions closeOptions(StreamsProperties properties) {
		return CloseOptions.timeout(properties.closeTimeout())
			.withGroupMembershipOperation(
					properties.instanceId().isBlank() ? CloseOptions.GroupMembershipOperation.LEAVE_GROUP
							: CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP);
	}

	/** The running streams, while this lifecycle runs. */
	public Optional<KafkaStreams> streams() {
		return Optional.ofNullable(this.streams);
	}

	/** This instance's {@code application.server}. */
	public HostInfo self() {
		return this.self;
	}

	/**
	 * What every Loyalty Pulse topology runs with, whatever a service configured:
	 * exactly-once and the {@link DeadLetterHandler} for both kinds of bad record. Tests
	 * and benchmarks that drive a topology without this lifecycle take it from here, so
	 * that they run under the guarantees production runs under.
	 */
	public static Map<String, Object> guarantees() {
		return Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2,
				StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName(),
				StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
	}

	/** The configuration the topology runs with. */
	public Properties streamsConfig() {
		return streamsConfig(this.kafka.buildStreamsProperties(),
				this.context.getEnvironment().getProperty("spring.application.name"), this.self, this.properties);
	}

	/**
	 * The service's {@code spring.kafka.streams.*} settings, with what every Loyalty
	 * Pulse topology runs with put over them: exactly-once, the dead-letter handler,
	 * {@code application.server}, and static membership when an instance id is set.
	 */
	static Properties streamsConfig(Map<String, Object> configured, String applicationName, HostInfo self,
			StreamsProperties properties) {
		Map<String, Object> config = new HashMap<>(configured);
		config.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, applicationName);
		config.putAll(guarantees());
		config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
		if (!properties.instanceId().isBlank()) {
			// Static membership: a restarted instance takes its tasks back at once
			// instead
			// of waiting for the dead member's session to time out and a rebalance.
			config.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
					properties.instanceId());
		}
		Properties streamsConfig = new Properties();
		streamsConfig.putAll(config);
		return streamsConfig;
	}

	private int webServerPort() {
		if (this.context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			return web.getWebServer().getPort();
		}
		throw new IllegalStateException("A Streams service needs its web server's port for application.server");
	}

}
