package io.loyaltypulse.survey.streams;

import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.support.ingest.IngestProperties;
import io.loyaltypulse.support.kafka.ServiceTopics;
import io.loyaltypulse.support.streams.StreamsTopology;
import io.loyaltypulse.survey.config.NpsProperties;
import io.loyaltypulse.survey.config.SurveysProperties;
import io.loyaltypulse.survey.engine.ComplaintTopology;
import io.loyaltypulse.survey.engine.InvitationTopics;
import io.loyaltypulse.survey.engine.InvitationTopology;
import io.loyaltypulse.survey.engine.NpsTopics;
import io.loyaltypulse.survey.engine.NpsTopology;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What survey-service declares to {@code service-support}: the topics it reads and writes
 * (created with their dead-letter topics when missing, checked for retention) and its
 * topology, the NPS engine and the post-purchase invitations (run exactly-once by
 * {@code ManagedStreams}, the inputs checked for co-partitioning). The counting comes
 * from {@code loyalty.nps.*}, the invitations from {@code loyalty.surveys.*}.
 */
@Configuration(proxyBeanMethods = false)
class SurveyStreamsConfiguration {

	@Bean
	NpsTopics npsTopics(TopicCatalogue catalogue) {
		return NpsTopics.from(catalogue);
	}

	@Bean
	InvitationTopics invitationTopics(TopicCatalogue catalogue) {
		return InvitationTopics.from(catalogue);
	}

	@Bean
	ServiceTopics surveyServiceTopics(TopicCatalogue catalogue) {
		List<NewTopic> topics = new ArrayList<>(NpsTopics.newTopics(catalogue));
		topics.addAll(InvitationTopics.newTopics(catalogue));
		return new ServiceTopics(topics);
	}

	@Bean
	StreamsTopology surveyTopology(NpsTopics topics, InvitationTopics invitationTopics, NpsProperties properties,
			SurveysProperties surveys, IngestProperties ingest, MeterRegistry metrics) {
		if (ingest.maxPastAge().compareTo(properties.retention()) >= 0) {
			throw new IllegalArgumentException("loyalty.ingest.max-past-age (" + ingest.maxPastAge().toDays()
					+ "d) must be below loyalty.nps.retention (" + properties.retention().toDays()
					+ "d): an accepted answer older than the retention would not be counted");
		}
		return new StreamsTopology() {

			@Override
			public Topology build(StreamsBuilder builder) {
				NpsTopology.addTo(builder, topics, properties.slicing(), properties.retention(),
						NpsTopology.StateStores.PERSISTENT, metrics);
				KStream<String, SpecificRecord> complaints = InvitationTopology.addTo(builder, invitationTopics,
						surveys.policy(), surveys.punctuationInterval(), NpsTopology.StateStores.PERSISTENT, metrics);
				ComplaintTopology.addTo(builder, complaints, properties.slicing(), properties.retention(),
						NpsTopology.StateStores.PERSISTENT);
				return builder.build();
			}

			@Override
			public List<String> coPartitionedInputs() {
				return List.of(topics.surveyResponses().name(), invitationTopics.purchases().name(),
						invitationTopics.complaints().name());
			}

		};
	}

}
