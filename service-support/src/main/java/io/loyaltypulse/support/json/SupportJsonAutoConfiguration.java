package io.loyaltypulse.support.json;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/** The strict JSON reader that every request body goes through. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SupportJsonAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StrictJsonReader strictJsonReader() {
		return new StrictJsonReader();
	}

}
