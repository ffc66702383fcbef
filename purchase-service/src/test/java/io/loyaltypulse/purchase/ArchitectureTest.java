package io.loyaltypulse.purchase;

import io.loyaltypulse.testsupport.ArchitectureContract;

/**
 * purchase-service's architecture: packages by feature without cycles, and no other
 * service imported. Its one feature, ingest, is HTTP to Kafka by nature; its rules
 * (validation) live in service-support.
 */
class ArchitectureTest extends ArchitectureContract {

	ArchitectureTest() {
		super("io.loyaltypulse.purchase");
	}

}
