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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One service instance as a separate JVM running its packaged jar, as in production, so
 * that {@link #crash()} is a real crash: SIGKILL, no shutdown hook, no commit, no
 * transaction completed, no consumer group leave. Its one log (ECS JSON on stdout) is
 * {@code <workDir>/<name>.log}, kept for a failed run.
 */
public final class ManagedProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private final List<String> command;

	private ManagedProcess(String name, Process process, int port, Path log, List<String> command) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
		this.command = command;
	}

	/**
	 * Starts {@code java -jar <jar>} on a free port of 127.0.0.1, its Kafka Streams state
	 * under {@code workDir}.
	 */
	public static ManagedProcess start(String name, Path jar, Path workDir, List<String> arguments) throws IOException {
		int port = freePort();
		Path log = workDir.resolve(name + ".log");
		Files.createDirectories(workDir);
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
				"-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--spring.kafka.streams.state-dir=" + workDir.resolve(name + "-state")));
		command.addAll(arguments);
		return launch(name, port, log, command);
	}

	/**
	 * The same instance started again, as a StatefulSet restarts a pod: same name, port
	 * (so the same {@code application.server}), state directory and arguments; its log is
	 * appended to the same file. Call it once this one has exited or crashed.
	 */
	public ManagedProcess restart() throws IOException {
		return launch(this.name, this.port, this.log, this.command);
	}

	private static ManagedProcess launch(String name, int port, Path log, List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		return new ManagedProcess(name, process, port, log, List.copyOf(command));
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** {@code host:port}, as {@code application.server} names it. */
	public String applicationServer() {
		return "127.0.0.1:" + this.port;
	}

	/** Waits until its readiness probe answers 200; fails at once if it exited. */
	public void awaitReady(HttpClient http) {
		await(this.name + " ready").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited: " + Files.readString(this.log));
			}
			try {
				return http
					.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
	}

	/** Whether its JVM still runs (it did not exit, crash or get killed). */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Kills the JVM (SIGKILL) without any chance to clean up. */
	public void crash() throws InterruptedException {
		this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	@Override
	public void close() {
		terminate(this.process, Duration.ofSeconds(30));
	}

	/**
	 * Stops a child process cleanly (SIGTERM), and forcibly (SIGKILL) when it has not
	 * ended within {@code grace}.
	 */
	public static void terminate(Process process, Duration grace) {
		process.destroy();
		try {
			if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
