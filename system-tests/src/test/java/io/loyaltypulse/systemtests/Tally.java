package io.loyaltypulse.systemtests;

import java.util.ArrayList;
import java.util.List;

/**
 * What the system tests did and found, for the one summary line the module prints.
 */
final class Tally {

	int scenarios;

	int events;

	int faults;

	long lost;

	long doubled;

	int badInputs;

	final List<String> unansweredBadInputs = new ArrayList<>();

	/** One line per fault scenario that passed: what, how many events, 503s, retries. */
	final List<String> faultReports = new ArrayList<>();

	int retries;

	int unavailable;

	String line(long seconds) {
		return "SYSTEM TESTS SUMMARY: scenarios %d, events %d, faults %d, lost %d, doubled %d, bad inputs %d, unanswered bad inputs %d, 503 answers %d, client retries %d, %d s"
			.formatted(this.scenarios, this.events, this.faults, this.lost, this.doubled, this.badInputs,
					this.unansweredBadInputs.size(), this.unavailable, this.retries, seconds);
	}

}
