package io.loyaltypulse.testsupport;

import org.junit.jupiter.api.Test;

/**
 * The architecture DESIGN.md fixes ({@link ArchitectureRules}), as tests a service's own
 * {@code ArchitectureTest} inherits: packages by feature without cycles, no other service
 * imported, and its rule packages free of web and Kafka types.
 */
public abstract class ArchitectureContract {

	private final ArchitectureRules rules;

	private final String[] rulePackages;

	/**
	 * @param basePackage the service's base package, e.g. {@code io.loyaltypulse.survey}
	 * @param rulePackages its sub-packages that hold rules (plain Java classes), if any
	 */
	protected ArchitectureContract(String basePackage, String... rulePackages) {
		this.rules = ArchitectureRules.of(basePackage);
		this.rulePackages = rulePackages;
	}

	@Test
	void shouldHaveNoCyclesBetweenPackages() {
		this.rules.checkNoCyclesBetweenPackages();
	}

	@Test
	void shouldImportNoOtherService() {
		this.rules.checkNoOtherServiceImported();
	}

	@Test
	void shouldKeepTheRulesFreeOfWebAndKafkaTypes() {
		if (this.rulePackages.length > 0) {
			this.rules.checkDomainImportsNoWebOrKafka(this.rulePackages);
		}
	}

}
