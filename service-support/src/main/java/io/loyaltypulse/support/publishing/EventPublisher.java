package io.loyaltypulse.support.publishing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.loyaltypulse.schemas.registry.SchemaRegistryException;
import io.loyaltypulse.support.problems.ServiceUnavailableException;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.schemas.topics.TopicDefinition;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes one event and completes when Kafka has acknowledged it ({@code acks=all},
 * idempotent producer), or fails with {@link PublishUnavailableException} (retry later)
 * or {@link PublishFailedException} (will not get better by retrying).
 *
 * <p>
 * Rule: key = customerId, record timestamp = occurredAt, value = the event under its
 * topic's union schema.
 */
public class EventPublisher {

	private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

	private final KafkaTemplate<String, SpecificRecord> template;

	private final TopicCatalogue topics;

	private final PublishingProperties properties;

	private final MeterRegistry meters;

	private final Map<String, Timer> timers = new ConcurrentHashMap<>();

	public EventPublisher(KafkaTemplate<String, SpecificRecord> template, TopicCatalogue topics,
			PublishingProperties properties, MeterRegistry meters) {
		this.template = template;
		this.topics = topics;
		this.properties = properties;
		this.meters = meters;
	}

	/** The configured name of a topic, for responses and logs. */
	public String topicName(TopicDefinition<?> topic) {
		return this.topics.name(topic);
	}

	public CompletableFuture<PublishedRecord> publish(TopicDefinition<?> topic, String customerId, Instant occurredAt,
			SpecificRecord event) {
		String name = this.topics.name(topic);
		Timer.Sample sample = Timer.start(this.meters);
		CompletableFuture<PublishedRecord> published;
		try {
			published = this.template
				.send(new ProducerRecord<>(name, null, occurredAt.toEpochMilli(), customerId, event))
				.thenApply((result) -> new PublishedRecord(name, result.getRecordMetadata().partition(),
						result.getRecordMetadata().offset()));
		}
		catch (RuntimeException ex) {
			// send() itself throws when metadata or buffer space did not come within
			// max.block.ms, or the serializer could not reach the registry.
			published = CompletableFuture.failedFuture(ex);
		}
		return published.orTimeout(this.properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS)
			.handle((record, failure) -> {
				sample.stop(produceTimer(name, (failure != null) ? "failed" : "acknowledged"));
				if (failure != null) {
					RuntimeException classified = classify(failure);
					// Topic and cause only: the event's content stays out of the logs.
					log.warn("Publishing to {} failed: {}", name, ServiceUnavailableException.rootMessage(failure));
					throw classified;
				}
				return record;
			});
	}

	private Timer produceTimer(String topic, String outcome) {
		return this.timers.computeIfAbsent(topic + '|' + outcome, (key) -> registerTimer(topic, outcome));
	}

	private Timer registerTimer(String topic, String outcome) {
		return Timer.builder("loyalty.ingest.produce")
			.description("From handing an event to the producer until Kafka acknowledged it (or the send failed)")
			.tag("topic", topic)
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.register(this.meters);
	}

	private RuntimeException classify(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SchemaRegistryException registry) {
				return registry.isTransient()
						? new PublishUnavailableException("Schema registry", this.properties.retryAfter(), failure)
						: new PublishFailedException(failure);
			}
			if (cause instanceof RetriableException || cause instanceof TimeoutException) {
				return new PublishUnavailableException("Kafka", this.properties.retryAfter(), failure);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return new PublishFailedException(failure);
	}

}
