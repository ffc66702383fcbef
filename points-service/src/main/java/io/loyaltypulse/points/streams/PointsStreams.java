package io.loyaltypulse.points.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.loyaltypulse.points.config.PointsProperties;
import io.loyaltypulse.points.ledger.CustomerAccountSerde;
import io.loyaltypulse.points.ledger.PointsEngine;
import io.loyaltypulse.points.topology.DeadLetterHandler;
import io.loyaltypulse.points.topology.PointsTopics;
import io.loyaltypulse.points.topology.PointsTopology;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the points topology: builds it with {@link PointsTopology#build}, configures
 * exactly-once, the dead-letter handler and {@code application.server}, and starts it
 * once the web server knows its port (this lifecycle's phase is after the web server's),
 * so other instances can forward queries to it. Closes it first on shutdown.
 *
 * <p>
 * Never calls {@code cleanUp()}: local state survives restarts; the changelog restores
 * only what is missing.
 */
@Component
public class PointsStreams implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PointsStreams.class);

	private final KafkaProperties kafka;

	private final PointsProperties properties;

	private final PointsTopics topics;

	private final PointsEngine engine;

	private final MeterRegistry metrics;

	private final ApplicationContext context;

	private volatile KafkaStreams streams;

	private volatile HostInfo self;

	private KafkaStreamsMetrics streamsMetrics;

	PointsStreams(KafkaProperties kafka, PointsProperties properties, PointsTopics topics, PointsEngine engine,
			MeterRegistry metrics, ApplicationContext context) {
		this.kafka = kafka;
		this.properties = properties;
		this.topics = topics;
		this.engine = engine;
		this.metrics = metrics;
		this.context = context;
	}

	@Override
	public void start() {
		this.self = new HostInfo(this.properties.advertisedHost(), webServerPort());
		DistributionSummary accountSize = DistributionSummary.builder("points.account.size")
			.description("Size of a customer's points account as stored (state per customer)")
			.baseUnit("bytes")
			.register(this.metrics);
		CustomerAccountSerde accountSerde = new CustomerAccountSerde(accountSize::record);
		KafkaStreams kafkaStreams = new KafkaStreams(PointsTopology.build(new StreamsBuilder(), this.topics,
				this.engine, accountSerde, this.properties.topologyOptions(), this.metrics), streamsConfig());
		kafkaStreams.setStateListener((newState, oldState) -> log.info("Points streams {} -> {}", oldState, newState));
		// An exception that is not bad data is a bug: stop, and report DOWN, rather than
		// skip a record and lose points.
		kafkaStreams.setUncaughtExceptionHandler((exception) -> {
			log.error("Points streams failed; shutting the client down", exception);
			return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
		});
		this.streamsMetrics = new KafkaStreamsMetrics(kafkaStreams);
		this.streamsMetrics.bindTo(this.metrics);
		this.streams = kafkaStreams;
		kafkaStreams.start();
	}

	@Override
	public void stop() {
		KafkaStreams kafkaStreams = this.streams;
		if (kafkaStreams != null) {
			kafkaStreams.close(Duration.ofSeconds(30));
			this.streamsMetrics.close();
			this.streams = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.streams != null;
	}

	/** The running streams, while this lifecycle runs. */
	public Optional<KafkaStreams> streams() {
		return Optional.ofNullable(this.streams);
	}

	/** This instance's {@code application.server}. */
	public HostInfo self() {
		return this.self;
	}

	Properties streamsConfig() {
		Map<String, Object> config = new HashMap<>(this.kafka.buildStreamsProperties());
		config.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "points-service");
		config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, this.self.host() + ":" + this.self.port());
		config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
		config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
		Properties properties = new Properties();
		properties.putAll(config);
		return properties;
	}

	private int webServerPort() {
		if (this.context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			return web.getWebServer().getPort();
		}
		throw new IllegalStateException("points-service needs its web server's port for application.server");
	}

}
