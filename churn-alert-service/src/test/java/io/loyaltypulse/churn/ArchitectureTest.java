package io.loyaltypulse.churn;

import io.loyaltypulse.testsupport.ArchitectureContract;

/**
 * churn-alert-service's architecture: packages by feature without cycles, no other
 * service imported, and the rules (the silence model, the profile, the signals, the alert
 * lifecycle) free of web and Kafka types.
 */
class ArchitectureTest extends ArchitectureContract {

	ArchitectureTest() {
		super("io.loyaltypulse.churn", "silence", "profile", "signals", "alerts");
	}

}
