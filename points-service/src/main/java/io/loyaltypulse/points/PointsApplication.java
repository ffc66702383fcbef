package io.loyaltypulse.points;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * points-service: the Kafka Streams points engine with its HTTP API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PointsApplication {

	public static void main(String[] args) {
		SpringApplication.run(PointsApplication.class, args);
	}

}
