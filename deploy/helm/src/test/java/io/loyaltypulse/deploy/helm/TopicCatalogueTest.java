package io.loyaltypulse.deploy.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.deploy.helm.Manifests.path;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics {@code kafka.topics.names} accepts are the topic catalogue's
 * ({@code schemas}' EventTopics), read from its source: a topic added to the catalogue
 * fails this test until the chart knows it.
 */
class TopicCatalogueTest {

	private static final Pattern TOPIC_DEFINITION = Pattern
		.compile("TopicDefinition\\s*\\.\\s*(?:of|union)\\(\\s*\"([a-z0-9.-]+)\"");

	@Test
	void shouldAcceptANameForEveryTopicOfTheCatalogueAndNoOther() throws IOException {
		assertThat(chartTopics()).isEqualTo(catalogueTopics()).isNotEmpty();
	}

	private static Set<String> catalogueTopics() throws IOException {
		Path eventTopics = Path.of(System.getProperty("chart.dir"))
			.resolve("../../../schemas/src/main/java/io/loyaltypulse/schemas/topics/EventTopics.java")
			.normalize();
		Matcher matcher = TOPIC_DEFINITION.matcher(Files.readString(eventTopics));
		Set<String> topics = new TreeSet<>();
		while (matcher.find()) {
			topics.add(matcher.group(1));
		}
		return topics;
	}

	@SuppressWarnings("unchecked")
	private static Set<String> chartTopics() throws IOException {
		Map<String, Object> schema = new Gson()
			.fromJson(Files.readString(Path.of(System.getProperty("chart.dir"), "values.schema.json")), Map.class);
		Map<String, Object> names = (Map<String, Object>) path(schema, "properties", "kafka", "properties", "topics",
				"properties", "names", "properties");
		return new TreeSet<>(names.keySet());
	}

}
