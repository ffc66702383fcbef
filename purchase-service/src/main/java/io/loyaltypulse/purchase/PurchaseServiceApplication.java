package io.loyaltypulse.purchase;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The HTTP ingest that e-commerce platforms call: purchases, refunds, invoices and
 * payments in, Avro events on Kafka out, 202 only once the broker has acknowledged them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PurchaseServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PurchaseServiceApplication.class, args);
	}

	/**
	 * Event-time checks and the idempotency window read time here, so tests can fix it.
	 */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
