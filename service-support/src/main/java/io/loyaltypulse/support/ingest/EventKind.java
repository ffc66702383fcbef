package io.loyaltypulse.support.ingest;

import io.loyaltypulse.schemas.topics.TopicDefinition;

/**
 * One kind of event a service accepts over HTTP: the name a batch item gives in
 * {@code type} (the Avro record name, also the metric tag), the request class its body is
 * read into, the topic it is published on, and the scope a caller needs to send it. A
 * service lists its kinds as an enum implementing this.
 */
public interface EventKind {

	/** The Avro record name, used as {@code type} in batches and as a metric tag. */
	String eventName();

	Class<? extends EventRequest> requestClass();

	TopicDefinition<?> topic();

	String scope();

}
