package io.loyaltypulse.support;

import io.loyaltypulse.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * service-support's architecture: its packages (problems, security, json, kafka, streams,
 * ...) without cycles, and no service imported: the services depend on it, never the
 * other way round.
 */
class ArchitectureTest {

	private static final ArchitectureRules rules = ArchitectureRules.of("io.loyaltypulse.support");

	@Test
	void shouldHaveNoCyclesBetweenPackages() {
		rules.checkNoCyclesBetweenPackages();
	}

	@Test
	void shouldImportNoService() {
		rules.checkNoOtherServiceImported();
	}

}
