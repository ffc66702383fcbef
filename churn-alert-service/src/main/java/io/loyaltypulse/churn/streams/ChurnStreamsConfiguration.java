package io.loyaltypulse.churn.streams;

import java.time.Clock;
import java.util.List;

import io.loyaltypulse.churn.alerts.AlertActions;
import io.loyaltypulse.churn.alerts.AlertLifecycle;
import io.loyaltypulse.churn.config.ChurnProperties;
import io.loyaltypulse.churn.engine.ChurnTopics;
import io.loyaltypulse.churn.engine.ChurnTopology;
import io.loyaltypulse.churn.model.SilenceModel;
import io.loyaltypulse.churn.model.SilenceModelRefit;
import io.loyaltypulse.churn.profile.ProfileUpdates;
import io.loyaltypulse.churn.scorecard.ScorecardTopology;
import io.loyaltypulse.churn.signals.ArrearsSignal;
import io.loyaltypulse.churn.signals.ComplaintSignal;
import io.loyaltypulse.churn.signals.DetractorSignal;
import io.loyaltypulse.churn.signals.RepeatDeclineSignal;
import io.loyaltypulse.churn.signals.RiskScore;
import io.loyaltypulse.churn.signals.SignalRule;
import io.loyaltypulse.churn.signals.SilenceSignal;
import io.loyaltypulse.schemas.topics.TopicCatalogue;
import io.loyaltypulse.support.kafka.ServiceTopics;
import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.support.streams.StreamsTopology;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What churn-alert-service declares to {@code service-support}: the topics it reads and
 * writes, its topology (run exactly-once by {@code ManagedStreams}, the inputs checked
 * for co-partitioning), the signals from {@code loyalty.churn.*}, and the silence model
 * with its refit.
 */
@Configuration(proxyBeanMethods = false)
class ChurnStreamsConfiguration {

	@Bean
	ChurnTopics churnTopics(TopicCatalogue catalogue) {
		return ChurnTopics.from(catalogue);
	}

	@Bean
	ServiceTopics churnServiceTopics(TopicCatalogue catalogue) {
		return new ServiceTopics(ChurnTopics.newTopics(catalogue));
	}

	@Bean
	SilenceModel silenceModel(ChurnProperties properties, Clock clock) {
		return new SilenceModel(properties.model().defaultParameters(), clock.instant());
	}

	@Bean
	SilenceModelRefit silenceModelRefit(SilenceModel model, InteractiveQueries queries, ChurnProperties properties,
			Clock clock) {
		return new SilenceModelRefit(model, queries, properties.model().minimumCustomers(),
				properties.model().refitInterval(), clock);
	}

	@Bean
	AlertLifecycle alertLifecycle(ChurnProperties properties, SilenceModel model) {
		return new AlertLifecycle(signals(properties, model), new RiskScore(properties.riskValueUnit()),
				properties.escalateAfter(), properties.valueCurrency());
	}

	static List<SignalRule> signals(ChurnProperties properties, SilenceModel model) {
		ChurnProperties.RepeatDecline decline = properties.repeatDecline();
		ChurnProperties.Complaint complaint = properties.complaint();
		return List.of(new SilenceSignal(properties.silence().rule(), model),
				new ArrearsSignal(properties.arrears().severityDays(), properties.arrears().highAmount()),
				new RepeatDeclineSignal((int) decline.recentWindow().toDays(), (int) decline.earlierWindow().toDays(),
						decline.minEarlierPurchaseDays()),
				new DetractorSignal(properties.detractor().maxAge()), new ComplaintSignal(complaint.sla(),
						complaint.unsatisfiedMaxAge(), complaint.repeatedCount(), complaint.repeatedWindow()));
	}

	@Bean
	StreamsTopology churnTopology(ChurnTopics topics, AlertLifecycle lifecycle, ChurnProperties properties,
			MeterRegistry metrics) {
		ChurnTopology.Engine engine = new ChurnTopology.Engine(new ProfileUpdates(properties.valueCurrency()),
				lifecycle, new AlertActions(properties.maxSnooze()), properties.settleDelay(),
				properties.punctuationInterval());
		ScorecardTopology.Settings scorecard = new ScorecardTopology.Settings(properties.valueCurrency(),
				properties.scorecard().quarters());
		return new StreamsTopology() {

			@Override
			public Topology build(StreamsBuilder builder) {
				ChurnTopology.addTo(builder, topics, engine, scorecard, ChurnTopology.StateStores.PERSISTENT, metrics);
				return builder.build();
			}

			@Override
			public List<String> coPartitionedInputs() {
				return topics.inputs();
			}

		};
	}

}
