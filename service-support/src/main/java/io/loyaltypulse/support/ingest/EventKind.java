package io.loyaltypulse.support.ingest;

import io.loyaltypulse.schemas.topics.TopicDefinition;

/**
 * One kind of event a service accepts over HTTP.
 *
 * @param eventName the Avro record name: the {@code type} a batch item gives, and the
 * metric tag
 * @param requestClass the record a request body is read into
 * @param topic the topic the event is published on
 * @param scope the scope a caller needs to send it
 */
public record EventKind(String eventName, Class<? extends EventRequest> requestClass, TopicDefinition<?> topic,
		String scope) {

}
