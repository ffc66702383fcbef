package io.loyaltypulse.support.streams;

import io.loyaltypulse.support.kafka.SupportKafkaAutoConfiguration;
import io.loyaltypulse.support.kafka.SupportKafkaProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * For a service that declares a {@link StreamsTopology}: runs it
 * ({@link ManagedStreams}), reports its health as {@code kafkaStreams}, and answers
 * queries from its state ({@link InteractiveQueries}).
 */
@AutoConfiguration(after = SupportKafkaAutoConfiguration.class)
@ConditionalOnBean(StreamsTopology.class)
@EnableConfigurationProperties(StreamsProperties.class)
public class SupportStreamsAutoConfiguration {

	@Bean
	ManagedStreams managedStreams(StreamsTopology topology, KafkaProperties kafka, StreamsProperties properties,
			SupportKafkaProperties kafkaProperties, MeterRegistry metrics, ApplicationContext context) {
		return new ManagedStreams(topology, kafka, properties, kafkaProperties.adminTimeout(), metrics, context);
	}

	@Bean("kafkaStreamsHealthIndicator")
	KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(ManagedStreams streams) {
		return new KafkaStreamsHealthIndicator(streams);
	}

	@Bean
	InteractiveQueries interactiveQueries(ManagedStreams streams, StreamsProperties properties) {
		return new InteractiveQueries(streams, properties);
	}

}
