package io.loyaltypulse.support.publishing;

import java.util.List;

import io.loyaltypulse.schemas.topics.TopicDefinition;

/**
 * The topics a service publishes events to through the {@link EventPublisher}, as one
 * bean: each is written with its own topic's serializer (and so its union schema).
 */
public record PublishedTopics(List<TopicDefinition<?>> topics) {

	public static PublishedTopics of(TopicDefinition<?>... topics) {
		return new PublishedTopics(List.of(topics));
	}

}
