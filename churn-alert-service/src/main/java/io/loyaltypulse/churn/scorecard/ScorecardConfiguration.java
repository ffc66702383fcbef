package io.loyaltypulse.churn.scorecard;

import io.loyaltypulse.support.streams.InteractiveQueries;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The scorecard's query side; the topology is wired with the churn engine's. */
@Configuration(proxyBeanMethods = false)
class ScorecardConfiguration {

	@Bean
	ScorecardFigures scorecardFigures(InteractiveQueries queries) {
		return new ScorecardFigures(queries);
	}

}
