package io.loyaltypulse.schemas.topics;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.loyaltypulse.schemas.registry.AvroCompatibility;
import io.loyaltypulse.schemas.registry.CompatibilityCheck;
import io.loyaltypulse.schemas.registry.CompatibilityLevel;
import org.apache.avro.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The build gate for schema changes: every topic's current value schema must read data
 * written with the released baseline (BACKWARD, as the registry enforces), so consumers
 * upgraded first never choke on old records. When it fails, it prints Avro's reasons:
 * make the new field optional or give it a default.
 */
class SchemaCompatibilityGateTest {

	static List<TopicDefinition<?>> topics() {
		return EventTopics.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("topics")
	void shouldStayBackwardCompatibleWithTheReleasedBaseline(TopicDefinition<?> topic) throws IOException {
		Optional<Schema> released = SchemaBaseline.released(topic);
		assertThat(released)
			.as("baseline %s: every released topic has one; a new topic needs one at release",
					SchemaBaseline.fileOf(topic).toAbsolutePath())
			.isPresent();

		CompatibilityCheck check = AvroCompatibility.check(CompatibilityLevel.BACKWARD, topic.valueSchema(),
				List.of(released.get()));

		if (!check.compatible()) {
			fail("The value schema of topic %s is not BACKWARD compatible with the released baseline %s:%n  %s",
					topic.key(), SchemaBaseline.fileOf(topic), String.join("\n  ", check.messages()));
		}
	}

	@Test
	void shouldCatchANewRequiredFieldWithoutDefault() throws IOException {
		Schema released = SchemaBaseline.released(EventTopics.SURVEY_RESPONSES).orElseThrow();
		Schema changed = new Schema.Parser().parse(released.toString()
			.replace("\"fields\":[", "\"fields\":[{\"name\":\"loyaltyTier\",\"type\":\"string\"},"));

		CompatibilityCheck check = AvroCompatibility.check(CompatibilityLevel.BACKWARD, changed, List.of(released));

		assertThat(check.compatible()).isFalse();
		assertThat(check.messages()).singleElement()
			.asString()
			.contains("READER_FIELD_MISSING_DEFAULT_VALUE")
			.contains("loyaltyTier");
	}

	@Test
	void shouldCatchARemovedUnionBranch() throws IOException {
		Schema released = SchemaBaseline.released(EventTopics.PURCHASES).orElseThrow();
		Schema withoutRefunds = Schema.createUnion(released.getTypes().get(0));

		CompatibilityCheck check = AvroCompatibility.check(CompatibilityLevel.BACKWARD, withoutRefunds,
				List.of(released));

		assertThat(check.compatible()).isFalse();
		assertThat(check.messages()).anySatisfy((message) -> assertThat(message).contains("PurchaseRefunded"));
	}

}
