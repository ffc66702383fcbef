package io.loyaltypulse.support.validation;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One rule for the API's query parameters: every one is a parameter the handler takes,
 * given once ({@link StrictQueryParameters} on {@code /api/**}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SupportValidationAutoConfiguration {

	@Bean
	WebMvcConfigurer strictQueryParameters() {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new StrictQueryParameters()).addPathPatterns("/api/**");
			}
		};
	}

}
