package io.loyaltypulse.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Apicurio Registry that deploy/local/registry builds, run as a child process on
 * a free loopback port with in-memory storage and the global compatibility rule BACKWARD,
 * for as long as the test JVM needs it.
 *
 * <p>
 * Integration tests use {@link #shared()}: one registry per test JVM, started on first
 * use and stopped when the JVM exits. Tests keep apart by unique subjects (that is,
 * unique topic names).
 */
public final class ApicurioRegistryProcess implements AutoCloseable {

	/**
	 * The registry jar; found by walking up from the working directory when the property
	 * is not set.
	 */
	public static final String JAR_PROPERTY = "loyalty.registry.jar";

	/**
	 * Where the registry logs; {@code target/apicurio-registry.log} of the working
	 * directory by default.
	 */
	public static final String LOG_PROPERTY = "loyalty.registry.log";

	private static final Path JAR_IN_REPOSITORY = Path.of("deploy", "local", "registry", "target", "quarkus-app",
			"quarkus-run.jar");

	private static ApicurioRegistryProcess shared;

	private static final Logger log = LoggerFactory.getLogger(ApicurioRegistryProcess.class);

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private final Process process;

	private final int port;

	private final Path logFile;

	private ApicurioRegistryProcess(Process process, int port, Path logFile) {
		this.process = process;
		this.port = port;
		this.logFile = logFile;
	}

	/**
	 * The registry of this test JVM, started on first use and stopped when the JVM exits.
	 */
	public static synchronized ApicurioRegistryProcess shared() {
		if (shared == null) {
			try {
				shared = start();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot start the schema registry: " + ex.getMessage(), ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while starting the schema registry", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "apicurio-registry-stop"));
		}
		return shared;
	}

	/** Starts a registry of its own, which the caller closes. */
	public static ApicurioRegistryProcess start() throws IOException, InterruptedException {
		Path jar = registryJar();
		Path logFile = Path.of(System.getProperty(LOG_PROPERTY, Path.of("target", "apicurio-registry.log").toString()))
			.toAbsolutePath();
		Files.createDirectories(logFile.getParent());
		int port = freePort();
		Process process = new ProcessBuilder(List.of(javaCommand(), "-Xmx512m", "-Dquarkus.http.host=127.0.0.1",
				"-Dquarkus.http.port=" + port, "-jar", jar.toString()))
			.redirectErrorStream(true)
			.redirectOutput(logFile.toFile())
			.start();
		ApicurioRegistryProcess registry = new ApicurioRegistryProcess(process, port, logFile);
		registry.awaitReady();
		registry.requireBackwardCompatibility();
		return registry;
	}

	/**
	 * The Confluent-compatible API, as a Confluent client's {@code schema.registry.url}.
	 */
	public String confluentApiUrl() {
		return "http://127.0.0.1:" + this.port + "/apis/ccompat/v7";
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private void awaitReady() throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest probe = HttpRequest.newBuilder(URI.create(confluentApiUrl() + "/subjects"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant started = Instant.now();
		Instant deadline = started.plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The registry exited with " + this.process.exitValue() + ":\n" + logTail());
			}
			try {
				if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					log.info("Apicurio Registry ready at {} after {} ms", confluentApiUrl(),
							Duration.between(started, Instant.now()).toMillis());
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(200);
		}
		close();
		throw new IllegalStateException("The registry did not answer within " + START_TIMEOUT + ":\n" + logTail());
	}

	/**
	 * Apicurio starts with no global compatibility rule (NONE), unlike Confluent's
	 * BACKWARD default; the local stack's start script sets BACKWARD the same way.
	 */
	private void requireBackwardCompatibility() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(confluentApiUrl() + "/config"))
			.header("Content-Type", "application/vnd.schemaregistry.v1+json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"BACKWARD\"}"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Cannot set global compatibility: " + response.body());
		}
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.logFile);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static Path registryJar() {
		String configured = System.getProperty(JAR_PROPERTY);
		if (configured != null) {
			return requireBuilt(Path.of(configured));
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isRegularFile(dir.resolve(JAR_IN_REPOSITORY))) {
				return dir.resolve(JAR_IN_REPOSITORY);
			}
		}
		return requireBuilt(Path.of("").toAbsolutePath().resolve(JAR_IN_REPOSITORY));
	}

	private static Path requireBuilt(Path jar) {
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The registry is not built: " + jar
					+ " is missing. Build it with ./mvnw -pl deploy/local/registry package");
		}
		return jar;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
