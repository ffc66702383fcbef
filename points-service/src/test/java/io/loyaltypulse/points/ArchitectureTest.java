package io.loyaltypulse.points;

import io.loyaltypulse.testsupport.ArchitectureContract;

/**
 * points-service's architecture: packages by feature without cycles, no other service
 * imported, and the rules (earning, ledger, tiers) free of web and Kafka types.
 */
class ArchitectureTest extends ArchitectureContract {

	ArchitectureTest() {
		super("io.loyaltypulse.points", "earning", "ledger", "tiers");
	}

}
