package io.loyaltypulse.churn;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * churn-alert-service: the Kafka Streams engine that keeps a profile per customer, finds
 * the signals that a customer is leaving and runs their alerts, and the API that CRM
 * managers work the alerts with.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChurnAlertApplication {

	public static void main(String[] args) {
		SpringApplication.run(ChurnAlertApplication.class, args);
	}

}
