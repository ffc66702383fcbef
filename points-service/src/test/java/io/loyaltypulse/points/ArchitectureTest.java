package io.loyaltypulse.points;

import io.loyaltypulse.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * points-service's architecture: packages by feature without cycles, no other service
 * imported, and the rules (earning, ledger, tiers) free of web and Kafka types.
 */
class ArchitectureTest {

	private static final ArchitectureRules rules = ArchitectureRules.of("io.loyaltypulse.points");

	@Test
	void shouldHaveNoCyclesBetweenPackages() {
		rules.checkNoCyclesBetweenPackages();
	}

	@Test
	void shouldImportNoOtherService() {
		rules.checkNoOtherServiceImported();
	}

	@Test
	void shouldKeepTheRulesFreeOfWebAndKafkaTypes() {
		rules.checkDomainImportsNoWebOrKafka("earning", "ledger", "tiers");
	}

}
