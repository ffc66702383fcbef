package io.loyaltypulse.support.streams;

import java.nio.charset.StandardCharsets;

import io.loyaltypulse.schemas.registry.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterHandlerTest {

	final DeadLetterHandler handler = new DeadLetterHandler();

	final ErrorHandlerContext context = new Context();

	@Test
	void shouldSendUndecodableBytesAsTheyWereToTheSourceTopicsDeadLetterTopicAndResume() {
		byte[] value = "not avro".getBytes(StandardCharsets.UTF_8);
		ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("purchases", 4, 17L,
				"c1".getBytes(StandardCharsets.UTF_8), value);
		record.headers().add("trace", "t-1".getBytes(StandardCharsets.UTF_8));

		DeserializationExceptionHandler.Response response = this.handler.handleError(this.context, record,
				new SerializationException("magic byte 0x6e"));

		assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
		assertThat(response.deadLetterQueueRecords()).singleElement().satisfies((deadLetter) -> {
			assertThat(deadLetter.topic()).isEqualTo("purchases.DLT");
			assertThat(deadLetter.partition()).isEqualTo(4);
			assertThat(deadLetter.value()).isEqualTo(value);
			assertThat(header(deadLetter, DeadLetterHandler.REASON_HEADER)).isEqualTo("magic byte 0x6e");
			assertThat(header(deadLetter, DeadLetterHandler.EXCEPTION_HEADER))
				.isEqualTo(SerializationException.class.getName());
			assertThat(header(deadLetter, DeadLetterHandler.ORIGIN_OFFSET_HEADER)).isEqualTo("17");
			assertThat(header(deadLetter, "trace")).as("original headers kept").isEqualTo("t-1");
		});
	}

	@Test
	void shouldFailRatherThanDeadLetterWhenTheSchemaRegistryIsUnreachableOrFailing() {
		ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("purchases", 4, 17L,
				"c1".getBytes(StandardCharsets.UTF_8), "good avro".getBytes(StandardCharsets.UTF_8));

		DeserializationExceptionHandler.Response unreachable = this.handler.handleError(this.context, record,
				new SerializationException("could not fetch schema 7",
						new SchemaRegistryException(SchemaRegistryException.UNREACHABLE,
								SchemaRegistryException.UNREACHABLE, "connection refused")));
		DeserializationExceptionHandler.Response serverError = this.handler.handleError(this.context, record,
				new SerializationException("could not fetch schema 7", new IllegalStateException("wrapped",
						new SchemaRegistryException(503, 503, "Schema registry answered 503"))));
		DeserializationExceptionHandler.Response unknownSchema = this.handler.handleError(this.context, record,
				new SerializationException("could not fetch schema 7",
						new SchemaRegistryException(404, 40403, "Schema 7 not found")));

		assertThat(unreachable.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
		assertThat(unreachable.deadLetterQueueRecords()).isEmpty();
		assertThat(serverError.result()).isEqualTo(DeserializationExceptionHandler.Result.FAIL);
		assertThat(serverError.deadLetterQueueRecords()).isEmpty();
		assertThat(unknownSchema.result()).as("a schema the registry does not know is poison")
			.isEqualTo(DeserializationExceptionHandler.Result.RESUME);
		assertThat(unknownSchema.deadLetterQueueRecords()).hasSize(1);
	}

	@Test
	void shouldDeadLetterInvalidEventsButFailOnBugs() {
		Record<String, String> record = new Record<>("c1", "event", 0L);

		ProcessingExceptionHandler.Response invalid = this.handler.handleError(this.context, record,
				new PoisonRecordException("refund of unknown order o1"));
		ProcessingExceptionHandler.Response bug = this.handler.handleError(this.context, record,
				new NullPointerException());

		assertThat(invalid.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
		assertThat(invalid.deadLetterQueueRecords()).singleElement()
			.satisfies((deadLetter) -> assertThat(deadLetter.value()).isEqualTo(this.context.sourceRawValue()));
		assertThat(bug.result()).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
		assertThat(bug.deadLetterQueueRecords()).isEmpty();
	}

	private static String header(ProducerRecord<byte[], byte[]> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private static final class Context implements ErrorHandlerContext {

		@Override
		public String topic() {
			return "purchases";
		}

		@Override
		public int partition() {
			return 4;
		}

		@Override
		public long offset() {
			return 17L;
		}

		@Override
		public Headers headers() {
			return new RecordHeaders().add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public String processorNodeId() {
			return "points-engine";
		}

		@Override
		public TaskId taskId() {
			return new TaskId(0, 4);
		}

		@Override
		public long timestamp() {
			return 1_000L;
		}

		@Override
		public byte[] sourceRawKey() {
			return "c1".getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public byte[] sourceRawValue() {
			return "raw".getBytes(StandardCharsets.UTF_8);
		}

	}

}
