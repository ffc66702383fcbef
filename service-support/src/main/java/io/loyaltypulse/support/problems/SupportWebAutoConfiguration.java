package io.loyaltypulse.support.problems;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One face for errors at every layer: the advice for controllers and Spring MVC, the
 * error controller for what reaches the container's error page, and Tomcat's error report
 * for what Tomcat refuses itself.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SupportWebAutoConfiguration {

	@Bean
	ApiProblemAdvice apiProblemAdvice() {
		return new ApiProblemAdvice();
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController problemErrorController() {
		return new ProblemErrorController();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(StandardHost.class)
	static class TomcatProblems {

		/**
		 * Tomcat's host adds its error report valve when it starts, after every context
		 * customizer ran: naming ours there replaces the HTML page for good.
		 */
		@Bean
		WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve() {
			return (factory) -> factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			});
		}

	}

}
