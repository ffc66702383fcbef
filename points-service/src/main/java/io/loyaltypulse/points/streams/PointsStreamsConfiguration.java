package io.loyaltypulse.points.streams;

import java.util.List;

import io.loyaltypulse.points.config.PointsProperties;
import io.loyaltypulse.points.earning.EarningCalculator;
import io.loyaltypulse.points.ledger.CustomerAccountSerde;
import io.loyaltypulse.points.ledger.PointsEngine;
import io.loyaltypulse.points.tiers.TierTracker;
import io.loyaltypulse.points.topology.PointsTopics;
import io.loyaltypulse.points.topology.PointsTopology;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.support.kafka.ServiceTopics;
import io.loyaltypulse.support.streams.StreamsTopology;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What points-service declares to {@code service-support} for its engine: its topics
 * (created with their dead-letter topics when missing) and its topology (run exactly-once
 * by {@code ManagedStreams}, its inputs checked for co-partitioning). The rules come from
 * {@code loyalty.points.*}.
 */
@Configuration(proxyBeanMethods = false)
class PointsStreamsConfiguration {

	@Bean
	PointsTopics pointsTopics(TopicCatalogue catalogue) {
		return PointsTopics.from(catalogue);
	}

	@Bean
	ServiceTopics pointsServiceTopics(TopicCatalogue catalogue) {
		return new ServiceTopics(PointsTopics.newTopics(catalogue));
	}

	@Bean
	PointsEngine pointsEngine(PointsProperties properties) {
		return new PointsEngine(new EarningCalculator(properties.earningRules()),
				new TierTracker(properties.tierRules()), properties.ledgerPolicy());
	}

	@Bean
	StreamsTopology pointsTopology(PointsTopics topics, PointsEngine engine, PointsProperties properties,
			MeterRegistry metrics) {
		DistributionSummary accountSize = DistributionSummary.builder("points.account.size")
			.description("Size of a customer's points account as stored (state per customer)")
			.baseUnit("bytes")
			.register(metrics);
		return new StreamsTopology() {

			@Override
			public Topology build(StreamsBuilder builder) {
				return PointsTopology.build(builder, topics, engine, new CustomerAccountSerde(accountSize::record),
						properties.topologyOptions(), metrics);
			}

			@Override
			public List<String> coPartitionedInputs() {
				return topics.inputNames();
			}

		};
	}

}
