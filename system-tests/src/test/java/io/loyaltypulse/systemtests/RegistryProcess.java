package io.loyaltypulse.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.loyaltypulse.testsupport.ManagedProcess;

import static org.awaitility.Awaitility.await;

/**
 * The real Apicurio registry that deploy/local/registry builds, as deploy/local/registry
 * starts it: a child process on a free loopback port, its schemas in an H2 file (so that
 * a stopped and restarted registry keeps every schema id that a record on a topic names),
 * global compatibility BACKWARD. test-support's ApicurioRegistryProcess keeps its schemas
 * in memory, which a restart would lose.
 */
final class RegistryProcess implements AutoCloseable {

	private final Path jar;

	private final Path workDir;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Process process;

	private RegistryProcess(Path jar, Path workDir, int port) {
		this.jar = jar;
		this.workDir = workDir;
		this.port = port;
	}

	static RegistryProcess start(Path jar, Path workDir) throws Exception {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The registry is not built: " + jar
					+ " is missing. Build it with ./mvnw -pl deploy/local/registry package");
		}
		RegistryProcess registry = new RegistryProcess(jar, workDir, KafkaBrokerProcess.freePort());
		registry.start();
		registry.requireBackwardCompatibility();
		return registry;
	}

	/** The Confluent-compatible API: a Confluent client's {@code schema.registry.url}. */
	String confluentApiUrl() {
		return "http://127.0.0.1:" + this.port + "/apis/ccompat/v7";
	}

	/**
	 * Starts the registry (again) on its port and its H2 file; returns once it answers.
	 */
	void start() throws IOException {
		Files.createDirectories(this.workDir.resolve("data"));
		ProcessBuilder builder = new ProcessBuilder(List.of(java(), "-Xms64m", "-Xmx512m",
				"-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + this.port, "-jar", this.jar.toString()))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.workDir.resolve("registry.log").toFile()));
		builder.environment()
			.put("REGISTRY_DATASOURCE_URL", "jdbc:h2:file:" + this.workDir.resolve("data/registry") + ";WRITE_DELAY=0");
		this.process = builder.start();
		HttpRequest probe = HttpRequest.newBuilder(URI.create(confluentApiUrl() + "/subjects"))
			.timeout(Duration.ofSeconds(5))
			.build();
		await("the schema registry").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The registry exited; see " + this.workDir.resolve("registry.log"));
			}
			try {
				return this.http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	/** Stops the registry (SIGTERM). */
	void stop() {
		if (this.process == null) {
			return;
		}
		ManagedProcess.terminate(this.process, Duration.ofSeconds(30));
		this.process = null;
	}

	@Override
	public void close() {
		stop();
	}

	private void requireBackwardCompatibility() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(confluentApiUrl() + "/config"))
			.header("Content-Type", "application/vnd.schemaregistry.v1+json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Cannot set the global compatibility: " + response.body());
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
