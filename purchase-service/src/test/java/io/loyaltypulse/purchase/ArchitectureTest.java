package io.loyaltypulse.purchase;

import io.loyaltypulse.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * purchase-service's architecture: packages by feature without cycles, and no other
 * service imported. Its one feature, ingest, is HTTP to Kafka by nature; its rules
 * (validation) live in service-support.
 */
class ArchitectureTest {

	private static final ArchitectureRules rules = ArchitectureRules.of("io.loyaltypulse.purchase");

	@Test
	void shouldHaveNoCyclesBetweenPackages() {
		rules.checkNoCyclesBetweenPackages();
	}

	@Test
	void shouldImportNoOtherService() {
		rules.checkNoOtherServiceImported();
	}

}
