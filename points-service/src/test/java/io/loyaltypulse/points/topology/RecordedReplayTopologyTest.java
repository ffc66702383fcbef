package io.loyaltypulse.points.topology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import io.loyaltypulse.points.ledger.NegativeBalancePolicy;
import io.loyaltypulse.schemas.topics.Topic;
import io.loyaltypulse.support.streams.DeadLetterHandler;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay of a recorded input gives the identical outputs: the {@link RecordedInput},
 * fed through the topology, writes exactly the ledger, request outcomes, tier events and
 * dead letters of the golden file, which the engine wrote before it was split into its
 * rules. One line per record (the step that caused it, the topic, key, timestamp, a CRC
 * of the Avro payload, and the record as text), so a difference points at the first
 * record that changed.
 *
 * <p>
 * Only a deliberate change of the ledger may rewrite the golden files:
 * {@code ./mvnw -pl points-service test -Dtest=RecordedReplayTopologyTest -Dpoints.golden.update=true}.
 */
class RecordedReplayTopologyTest {

	private static final Path GOLDEN_SOURCES = Path.of("src/test/resources");

	@TempDir
	Path stateDir;

	@ParameterizedTest
	@EnumSource(NegativeBalancePolicy.class)
	void shouldReplayTheRecordedInputToTheGoldenOutputs(NegativeBalancePolicy policy) throws IOException {
		String golden = "golden/replay-" + policy + ".txt";
		List<String> actual;
		try (PointsDriver points = new PointsDriver(policy, this.stateDir, RecordedInput.MAX_CLOCK_SKEW,
				RecordedInput.MAX_POINTS_PER_EVENT)) {
			actual = new Recorder(points).replay(RecordedInput.steps());
		}
		if (Boolean.getBoolean("points.golden.update")) {
			Path file = GOLDEN_SOURCES.resolve(golden);
			Files.createDirectories(file.getParent());
			Files.write(file, actual, StandardCharsets.UTF_8);
		}
		List<String> expected = Boolean.getBoolean("points.golden.update") ? actual : read(golden);

		for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
			assertThat(actual.get(i)).as("line %d of %s", i + 1, golden).isEqualTo(expected.get(i));
		}
		assertThat(actual).as("lines of %s", golden).hasSameSizeAs(expected);
		assertThat(actual).as("a replay that exercises every output")
			.anyMatch((line) -> line.contains(" points-ledger ") && line.contains("\"EXPIRE\""))
			.anyMatch((line) -> line.contains(" points-ledger ") && line.contains("\"REVERSE_EARN\""))
			.anyMatch((line) -> line.contains(" points-ledger ") && line.contains("\"RESTORE_REDEEM\""))
			.anyMatch((line) -> line.contains("\"IDEMPOTENCY_CONFLICT\""))
			.anyMatch((line) -> line.contains("\"INSUFFICIENT_POINTS\""))
			.anyMatch((line) -> line.contains("PointsTierDowngradeWarning"))
			.anyMatch((line) -> line.contains("\"upgrade\": false"))
			.anyMatch((line) -> line.contains("(campaign BLACK-FRIDAY)"))
			.anyMatch((line) -> line.contains("(campaign APP-WEEK)"))
			.anyMatch((line) -> line.contains("(CAP_AT_ZERO)") || line.contains("(ALLOW_NEGATIVE)"))
			.anyMatch((line) -> line.contains(".DLT"));
	}

	private static List<String> read(String resource) throws IOException {
		try (InputStream in = RecordedReplayTopologyTest.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as("golden file %s (write it with -Dpoints.golden.update=true)", resource).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
		}
	}

	/**
	 * Feeds the steps to the driver and writes down, after each, every record each output
	 * received.
	 */
	private static final class Recorder {

		private final PointsDriver points;

		private final List<Output> outputs = new ArrayList<>();

		private final Map<String, TestOutputTopic<byte[], byte[]>> deadLetters = new LinkedHashMap<>();

		private final List<String> lines = new ArrayList<>();

		Recorder(PointsDriver points) {
			this.points = points;
			PointsTopics topics = points.topics;
			this.outputs.add(new Output(points, topics.ledger()));
			this.outputs.add(new Output(points, topics.outcomes()));
			this.outputs.add(new Output(points, topics.tierEvents()));
			for (Topic<?, ?> input : List.of(topics.purchases(), topics.surveyResponses(), topics.requests())) {
				this.deadLetters.put(input.deadLetterTopic(), points.driver.createOutputTopic(input.deadLetterTopic(),
						new ByteArrayDeserializer(), new ByteArrayDeserializer()));
			}
		}

		List<String> replay(List<RecordedInput.Step> steps) {
			int number = 0;
			for (RecordedInput.Step step : steps) {
				number++;
				String prefix = "%04d".formatted(number);
				switch (step) {
					case RecordedInput.Send send -> {
						SpecificRecord event = send.event();
						this.lines.add("%s > %s %s %s".formatted(prefix, event.getSchema().getName(),
								field(event, "customerId"), field(event, "occurredAt")));
						this.points.send(event);
					}
					case RecordedInput.WallClock wallClock -> {
						this.lines.add("%s > wall-clock %s".formatted(prefix, wallClock.at()));
						this.points.wallClockTo(wallClock.at());
					}
				}
				collect(prefix);
			}
			return this.lines;
		}

		private void collect(String prefix) {
			for (Output output : this.outputs) {
				for (TestRecord<String, byte[]> record : output.reader.readRecordsToList()) {
					SpecificRecord value = output.deserializer.deserialize(output.name, record.value());
					this.lines.add("%s %s %s %s crc=%08x %s %s".formatted(prefix, output.name, record.key(),
							Instant.ofEpochMilli(record.timestamp()), payloadCrc(record.value()),
							value.getSchema().getName(), value));
				}
			}
			for (Map.Entry<String, TestOutputTopic<byte[], byte[]>> deadLetter : this.deadLetters.entrySet()) {
				for (TestRecord<byte[], byte[]> record : deadLetter.getValue().readRecordsToList()) {
					this.lines.add("%s %s %s".formatted(prefix, deadLetter.getKey(),
							new String(record.headers().lastHeader(DeadLetterHandler.REASON_HEADER).value(),
									StandardCharsets.UTF_8)));
				}
			}
		}

		private static String field(SpecificRecord event, String name) {
			return String.valueOf(event.get(event.getSchema().getField(name).pos()));
		}

		/**
		 * The CRC of the Avro binary, without the wire format's magic byte and schema id
		 * (an artefact of the in-memory registry).
		 */
		private static long payloadCrc(byte[] value) {
			CRC32 crc = new CRC32();
			byte[] payload = Arrays.copyOfRange(value, 5, value.length);
			crc.update(payload);
			return crc.getValue();
		}

	}

	/** An output topic read as bytes, and how to read its values. */
	private static final class Output {

		final String name;

		final TestOutputTopic<String, byte[]> reader;

		final Deserializer<? extends SpecificRecord> deserializer;

		Output(PointsDriver points, Topic<String, ? extends SpecificRecord> topic) {
			this.name = topic.name();
			this.reader = points.driver.createOutputTopic(topic.name(), new StringDeserializer(),
					new ByteArrayDeserializer());
			this.deserializer = topic.valueSerde().deserializer();
		}

	}

}
