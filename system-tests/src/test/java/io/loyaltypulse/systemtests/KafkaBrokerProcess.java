package io.loyaltypulse.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.loyaltypulse.testsupport.ManagedProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import static org.awaitility.Awaitility.await;

/**
 * The real Apache Kafka broker of the local stack (one KRaft node, broker and controller;
 * the class path that deploy/local/kafka assembles from Maven Central), started as a
 * child process on free loopback ports, as deploy/local/kafka/start.sh starts it, so that
 * a test can stop it and start it again on the same ports and the same data. Its logs are
 * under {@code <workDir>/logs}.
 */
final class KafkaBrokerProcess implements AutoCloseable {

	private final Path libs;

	private final Path log4jConfig;

	private final Path workDir;

	private final int port;

	private final int controllerPort;

	private final Path config;

	private Process process;

	private KafkaBrokerProcess(Path libs, Path log4jConfig, Path workDir, int port, int controllerPort) {
		this.libs = libs;
		this.log4jConfig = log4jConfig;
		this.workDir = workDir;
		this.port = port;
		this.controllerPort = controllerPort;
		this.config = workDir.resolve("server.properties");
	}

	/** Formats a fresh data directory and starts the broker; returns once it answers. */
	static KafkaBrokerProcess start(Path libs, Path log4jConfig, Path workDir) throws Exception {
		if (!Files.isDirectory(libs)) {
			throw new IllegalStateException("The broker is not built: " + libs
					+ " is missing. Build it with ./mvnw -pl deploy/local/kafka package");
		}
		KafkaBrokerProcess broker = new KafkaBrokerProcess(libs, log4jConfig, workDir, freePort(), freePort());
		broker.format();
		broker.start();
		return broker;
	}

	String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** Starts the broker (again) on its ports and data; returns once it answers. */
	void start() throws IOException {
		Path logs = this.workDir.resolve("logs");
		Files.createDirectories(logs);
		List<String> command = new ArrayList<>(List.of(java(), "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
				"-XX:MaxGCPauseMillis=20", "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED",
				"-Dkafka.logs.dir=" + logs, "-Dlog4j2.configurationFile=" + this.log4jConfig, "-cp", this.libs + "/*",
				"kafka.Kafka", this.config.toString()));
		this.process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("kafka.out").toFile()))
			.start();
		awaitAnswering();
	}

	/** Stops the broker cleanly (SIGTERM), as an operator's restart does. */
	void stop() {
		if (this.process == null) {
			return;
		}
		ManagedProcess.terminate(this.process, Duration.ofSeconds(60));
		this.process = null;
	}

	@Override
	public void close() {
		stop();
	}

	private void format() throws Exception {
		Path data = this.workDir.resolve("data");
		Files.createDirectories(data);
		Files.writeString(this.config, """
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@127.0.0.1:%2$d
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
				log.dirs=%3$s
				auto.create.topics.enable=false
				num.partitions=6
				default.replication.factor=1
				min.insync.replicas=1
				offsets.topic.replication.factor=1
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				offsets.topic.num.partitions=6
				transaction.state.log.num.partitions=6
				group.initial.rebalance.delay.ms=0
				log.retention.ms=-1
				""".formatted(this.port, this.controllerPort, data));
		Process format = new ProcessBuilder(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-Dlog4j2.configurationFile=" + this.log4jConfig, "-Dkafka.logs.dir=" + this.workDir.resolve("logs"),
				"-cp", this.libs + "/*", "kafka.tools.StorageTool", "format", "--cluster-id", clusterId(), "--config",
				this.config.toString(), "--ignore-formatted")
			.redirectErrorStream(true)
			.redirectOutput(this.workDir.resolve("format.out").toFile())
			.start();
		if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
			format.destroyForcibly();
			throw new IllegalStateException(
					"Formatting the Kafka storage failed: " + Files.readString(this.workDir.resolve("format.out")));
		}
	}

	private void awaitAnswering() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				5000))) {
			await("the Kafka broker at " + bootstrapServers()).atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> {
					if (!this.process.isAlive()) {
						throw new IllegalStateException("The Kafka broker exited with " + this.process.exitValue()
								+ "; see " + this.workDir.resolve("logs"));
					}
					try {
						return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
					}
					catch (ExecutionException | TimeoutException ex) {
						return false;
					}
				});
		}
	}

	/**
	 * A KRaft cluster id as kafka-storage random-uuid makes it: Kafka's own random Uuid,
	 * which never starts with '-' (the storage tool would read such an id as an option).
	 */
	private static String clusterId() {
		return Uuid.randomUuid().toString();
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
