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

	/** Webhook deliveries (distinct webhook-ids answered 200) and how many verified. */
	int webhooksDelivered;

	int webhooksVerified;

	/** Alert changes never delivered, as the last webhook check found; -1 if none ran. */
	long webhooksLost = -1;

	int unavailable;

	String line(long seconds) {
		return "SYSTEM TESTS SUMMARY: scenarios %d, events %d, faults %d, lost %d, doubled %d, bad inputs %d, unanswered bad inputs %d, 503 answers %d, client retries %d, webhooks delivered %d, verified %d, lost %s, %d s"
			.formatted(this.scenarios, this.events, this.faults, this.lost, this.doubled, this.badInputs,
					this.unansweredBadInputs.size(), this.unavailable, this.retries, this.webhooksDelivered,
					this.webhooksVerified, (this.webhooksLost >= 0) ? Long.toString(this.webhooksLost) : "unchecked",
					seconds);
	}

}
