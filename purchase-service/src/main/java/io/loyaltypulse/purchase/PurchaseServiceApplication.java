package io.loyaltypulse.purchase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

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

}
