package io.loyaltypulse.testsupport;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture DESIGN.md fixes, checked on a module's compiled classes: no cycles
 * between its packages, no service module imports another, and the packages that hold its
 * rules import no web, servlet or Kafka types (a rule is a plain Java class).
 */
public final class ArchitectureRules {

	/**
	 * The base packages of the service modules; a service depends on none of the others.
	 */
	static final List<String> SERVICES = List.of("io.loyaltypulse.purchase", "io.loyaltypulse.points",
			"io.loyaltypulse.survey", "io.loyaltypulse.churn");

	private final String basePackage;

	private final JavaClasses classes;

	private ArchitectureRules(String basePackage) {
		this.basePackage = basePackage;
		this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(basePackage);
	}

	/** The production classes of the module whose base package this is. */
	public static ArchitectureRules of(String basePackage) {
		return new ArchitectureRules(basePackage);
	}

	public void checkNoCyclesBetweenPackages() {
		slices().matching(this.basePackage + ".(*)..").should().beFreeOfCycles().check(this.classes);
	}

	public void checkNoOtherServiceImported() {
		String[] others = SERVICES.stream()
			.filter((service) -> !service.equals(this.basePackage))
			.map((service) -> service + "..")
			.toArray(String[]::new);
		noClasses().should().dependOnClassesThat().resideInAnyPackage(others).check(this.classes);
	}

	/**
	 * @param domainPackages sub-packages holding rules, for example {@code earning}
	 */
	public void checkDomainImportsNoWebOrKafka(String... domainPackages) {
		String[] domain = List.of(domainPackages)
			.stream()
			.map((name) -> this.basePackage + "." + name + "..")
			.toArray(String[]::new);
		// A record's state serde or codec lives beside it (it reads package-private
		// state) and is the one storage adapter allowed there: its binary form is
		// service-support's.
		noClasses().that()
			.resideInAnyPackage(domain)
			.and()
			.haveSimpleNameNotEndingWith("Serde")
			.and()
			.haveSimpleNameNotEndingWith("Codec")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
					"org.apache.kafka..", "org.springframework.kafka..", "io.loyaltypulse.support..")
			.because("a rule is a plain Java class that says its rule in one line and is tested on its own")
			.check(this.classes);
	}

}
