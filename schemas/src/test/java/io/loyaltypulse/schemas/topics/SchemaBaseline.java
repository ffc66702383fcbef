package io.loyaltypulse.schemas.topics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.avro.Schema;

/**
 * The committed value schemas of the last release, one file per subject in
 * {@code schemas/baseline/}. At a release, the release manager refreshes them with
 * {@code ./mvnw -pl schemas exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.loyaltypulse.schemas.topics.SchemaBaseline}.
 */
public final class SchemaBaseline {

	static final Path DIRECTORY = Path.of(System.getProperty("schemas.baseline.dir", "schemas/baseline"));

	private SchemaBaseline() {
	}

	static Optional<Schema> released(TopicDefinition<?> topic) throws IOException {
		Path file = fileOf(topic);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		return Optional.of(new Schema.Parser().parse(Files.readString(file, StandardCharsets.UTF_8)));
	}

	static Path fileOf(TopicDefinition<?> topic) {
		return DIRECTORY.resolve(topic.defaultValueSubject() + ".avsc");
	}

	/** Writes the current value schema of every topic as the new baseline. */
	public static void main(String[] args) throws IOException {
		Files.createDirectories(DIRECTORY);
		for (TopicDefinition<?> topic : EventTopics.all()) {
			Files.writeString(fileOf(topic), topic.valueSchema().toString(true) + "\n", StandardCharsets.UTF_8);
		}
	}

}
