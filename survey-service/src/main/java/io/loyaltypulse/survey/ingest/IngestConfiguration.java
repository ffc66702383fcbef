package io.loyaltypulse.survey.ingest;

import io.loyaltypulse.schemas.topics.EventTopics;
import io.loyaltypulse.support.ingest.IngestedEvents;
import io.loyaltypulse.support.publishing.PublishedTopics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The topics survey-service publishes what it receives to and the events it accepts,
 * declared to {@code service-support}, which then provides the ingest the controllers
 * hand requests to and serves the batch endpoint; the scope of each endpoint is
 * {@code SurveyEndpoints}.
 */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

	/** What the batch endpoint of service-support accepts here. */
	@Bean
	IngestedEvents ingestedEvents() {
		return SurveyEventType.ingested();
	}

	@Bean
	PublishedTopics publishedTopics() {
		return PublishedTopics.of(EventTopics.SURVEY_RESPONSES, EventTopics.COMPLAINTS);
	}

}
