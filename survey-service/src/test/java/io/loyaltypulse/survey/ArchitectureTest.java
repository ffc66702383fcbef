package io.loyaltypulse.survey;

import io.loyaltypulse.testsupport.ArchitectureContract;

/**
 * survey-service's architecture: packages by feature without cycles, no other service
 * imported, and the rules ({@code nps}, {@code invitations}, {@code complaints}) free of
 * web and Kafka types.
 */
class ArchitectureTest extends ArchitectureContract {

	ArchitectureTest() {
		super("io.loyaltypulse.survey", "nps", "invitations", "complaints");
	}

}
