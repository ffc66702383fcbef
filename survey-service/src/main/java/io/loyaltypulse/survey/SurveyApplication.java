package io.loyaltypulse.survey;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * survey-service: survey answers and complaints in over HTTP, the Kafka Streams NPS
 * engine, and NPS a manager can trust out.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SurveyApplication {

	public static void main(String[] args) {
		SpringApplication.run(SurveyApplication.class, args);
	}

}
