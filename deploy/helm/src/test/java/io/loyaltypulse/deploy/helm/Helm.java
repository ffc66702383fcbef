package io.loyaltypulse.deploy.helm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real helm binary that the build unpacked (system property {@code helm.binary}), run
 * on the chart of {@code chart.dir}. Missing is a failure, never a skip.
 */
final class Helm {

	static final String RELEASE = "lp";

	static final String NAMESPACE = "loyalty";

	private static final Path BINARY = requiredPath("helm.binary");

	private static final Path CHART = requiredPath("chart.dir");

	private Helm() {
	}

	/** The chart's values file for the build, {@code ci/<name>-values.yaml}. */
	static Path valuesFile(String name) {
		Path file = CHART.resolve("ci").resolve(name + "-values.yaml");
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("no values file " + file);
		}
		return file;
	}

	static List<String> valuesFileNames() {
		return List.of("minimal", "sasl", "mtls", "ha");
	}

	static Result lint(String valuesName) {
		return run(List.of("lint", "--strict", CHART.toString(), "-f", valuesFile(valuesName).toString()));
	}

	/**
	 * {@code helm template} of the chart with a values file and {@code --set} pairs
	 * ({@code key=value}), as the release {@value #RELEASE} in {@value #NAMESPACE}.
	 */
	static Result template(String valuesName, String... sets) {
		List<String> args = new ArrayList<>(List.of("template", RELEASE, CHART.toString(), "--namespace", NAMESPACE,
				"-f", valuesFile(valuesName).toString()));
		for (String set : sets) {
			args.add("--set");
			args.add(set);
		}
		return run(args);
	}

	static Result version() {
		return run(List.of("version", "--short"));
	}

	private static Result run(List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(BINARY.toString());
		command.addAll(args);
		try {
			Process process = new ProcessBuilder(command)
				.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
				.start();
			CompletableFuture<String> stdout = read(process.getInputStream());
			CompletableFuture<String> stderr = read(process.getErrorStream());
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("helm did not finish in 60 s: " + command);
			}
			return new Result(process.exitValue(), stdout.join(), stderr.join());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static CompletableFuture<String> read(InputStream stream) {
		return CompletableFuture.supplyAsync(() -> {
			try (stream) {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static Path requiredPath(String property) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("system property " + property
					+ " is not set: run the chart's tests through Maven (./mvnw -pl deploy/helm verify)");
		}
		Path path = Path.of(value);
		if (!Files.exists(path)) {
			throw new IllegalStateException(property + " " + path + " does not exist: the build unpacks helm from "
					+ "the npm package named in deploy/helm/pom.xml (npm pack); see its output above");
		}
		return path;
	}

	/** What helm printed and how it ended. */
	record Result(int exitCode, String stdout, String stderr) {

		boolean succeeded() {
			return this.exitCode == 0;
		}

		String output() {
			return this.stdout + this.stderr;
		}

	}

}
