package io.loyaltypulse.support.ingest;

import java.time.Clock;

import io.loyaltypulse.support.idempotency.RecentEventIds;
import io.loyaltypulse.support.json.StrictJsonReader;
import io.loyaltypulse.support.json.SupportJsonAutoConfiguration;
import io.loyaltypulse.support.publishing.EventPublisher;
import io.loyaltypulse.support.publishing.SupportPublishingAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * For a service that publishes events it receives over HTTP (it declares
 * {@code PublishedTopics}, so there is an {@link EventPublisher}): the ingest of single
 * events ({@link EventIngest}) and of batches ({@link BatchIngest}) its controllers hand
 * requests to, with {@code loyalty.ingest.*} and the {@code loyalty.ingest.events}
 * metric; and, when it declares {@link IngestedEvents}, the batch endpoint
 * ({@link BatchController}).
 */
@AutoConfiguration(after = { SupportPublishingAutoConfiguration.class, SupportJsonAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(EventPublisher.class)
@EnableConfigurationProperties(IngestProperties.class)
public class SupportIngestAutoConfiguration {

	@Bean
	IngestMetrics ingestMetrics(MeterRegistry meters) {
		return new IngestMetrics(meters);
	}

	@Bean
	IngestService ingestService(EventPublisher publisher, RecentEventIds recent, IngestProperties properties,
			Clock clock) {
		return new IngestService(publisher, recent, properties, clock);
	}

	@Bean
	EventIngest eventIngest(StrictJsonReader reader, IngestService ingest, IngestMetrics metrics,
			IngestProperties properties) {
		return new EventIngest(reader, ingest, metrics, properties);
	}

	@Bean
	BatchIngest batchIngest(StrictJsonReader reader, IngestService ingest, IngestMetrics metrics,
			IngestProperties properties) {
		return new BatchIngest(reader, ingest, metrics, properties);
	}

	@Bean
	@ConditionalOnBean(IngestedEvents.class)
	BatchController batchController(BatchIngest batches, IngestedEvents events) {
		return new BatchController(batches, events);
	}

}
