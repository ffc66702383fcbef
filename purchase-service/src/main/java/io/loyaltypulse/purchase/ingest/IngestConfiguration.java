package io.loyaltypulse.purchase.ingest;

import java.util.List;

import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.support.ingest.IngestedEvents;
import io.loyaltypulse.support.kafka.ServiceTopics;
import io.loyaltypulse.support.publishing.PublishedTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The topics this service publishes to and the events it accepts, declared to
 * {@code service-support}, which serves the batch endpoint for them; the scope of each
 * endpoint is {@link IngestEndpoints}.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

	/** What the batch endpoint of service-support accepts here. */
	@Bean
	IngestedEvents ingestedEvents() {
		return EventType.ingested();
	}

	@Bean
	PublishedTopics publishedTopics() {
		return PublishedTopics.of(EventTopics.PURCHASES, EventTopics.INVOICES, EventTopics.ENGAGEMENTS);
	}

	/**
	 * Created when missing, with their dead-letter topics (for their consumers), and
	 * checked at start-up to keep events as old as {@code max-past-age}.
	 */
	@Bean
	ServiceTopics ingestTopics(TopicCatalogue catalogue) {
		return new ServiceTopics(catalogue
			.newTopics(List.of(EventTopics.PURCHASES, EventTopics.INVOICES, EventTopics.ENGAGEMENTS), true));
	}

}
