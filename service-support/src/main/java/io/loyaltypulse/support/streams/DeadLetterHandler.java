package io.loyaltypulse.support.streams;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.schemas.registry.SchemaRegistryException;
import io.loyaltypulse.schemas.topics.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topology's one error handler: a poison record goes, byte for byte as it was read,
 * to {@code <source topic>.DLT} (same partition) with the reason in headers, inside the
 * same exactly-once transaction as the input offset it skips, and processing continues.
 *
 * <p>
 * Poison means undecodable bytes (deserialization) or a {@link PoisonRecordException}
 * from the topology (an event that decodes but cannot be applied). Any other exception is
 * a bug, not bad data: it fails the stream thread instead of dropping data silently, and
 * the record is retried after the fix. So is a record that could not be decoded because
 * the schema registry was unreachable or failing (a transient
 * {@link SchemaRegistryException} in the cause chain): the record is good, only the
 * registry is not.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

	/** Why the record was refused. */
	public static final String REASON_HEADER = "loyalty.dlt.reason";

	/** The exception class. */
	public static final String EXCEPTION_HEADER = "loyalty.dlt.exception";

	/** Where the record came from: topic, partition, offset. */
	public static final String ORIGIN_TOPIC_HEADER = "loyalty.dlt.original.topic";

	public static final String ORIGIN_PARTITION_HEADER = "loyalty.dlt.original.partition";

	public static final String ORIGIN_OFFSET_HEADER = "loyalty.dlt.original.offset";

	/** The processor that refused it. */
	public static final String PROCESSOR_HEADER = "loyalty.dlt.processor";

	private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);

	@Override
	public void configure(Map<String, ?> configs) {
	}

	@Override
	public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
			ConsumerRecord<byte[], byte[]> record, Exception exception) {
		if (SchemaRegistryException.isTransientCause(exception)) {
			// Not poison: the registry is unreachable or failing (5xx). Dead-lettering
			// would lose a good record; failing leaves its offset uncommitted, so it is
			// read again after the restart or by the instance that takes the task over.
			log.error("Schema registry unavailable while decoding {}-{}@{}: failing instead of dead-lettering",
					context.topic(), context.partition(), context.offset(), exception);
			return DeserializationExceptionHandler.Response.fail();
		}
		return DeserializationExceptionHandler.Response
			.resume(deadLetter(context, record.key(), record.value(), record.headers(), exception));
	}

	@Override
	public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
			Exception exception) {
		if (!(exception instanceof PoisonRecordException) || SchemaRegistryException.isTransientCause(exception)) {
			return ProcessingExceptionHandler.Response.fail();
		}
		return ProcessingExceptionHandler.Response.resume(
				deadLetter(context, context.sourceRawKey(), context.sourceRawValue(), context.headers(), exception));
	}

	private static List<ProducerRecord<byte[], byte[]>> deadLetter(ErrorHandlerContext context, byte[] key,
			byte[] value, Headers originalHeaders, Exception exception) {
		String deadLetterTopic = context.topic() + Topic.DEAD_LETTER_SUFFIX;
		log.warn("Sending {}-{}@{} to {}: {}", context.topic(), context.partition(), context.offset(), deadLetterTopic,
				exception.getMessage());
		Headers headers = new RecordHeaders(originalHeaders.toArray());
		header(headers, REASON_HEADER, String.valueOf(exception.getMessage()));
		header(headers, EXCEPTION_HEADER, exception.getClass().getName());
		header(headers, ORIGIN_TOPIC_HEADER, context.topic());
		header(headers, ORIGIN_PARTITION_HEADER, String.valueOf(context.partition()));
		header(headers, ORIGIN_OFFSET_HEADER, String.valueOf(context.offset()));
		header(headers, PROCESSOR_HEADER, context.processorNodeId());
		return List
			.of(new ProducerRecord<>(deadLetterTopic, context.partition(), context.timestamp(), key, value, headers));
	}

	private static void header(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
