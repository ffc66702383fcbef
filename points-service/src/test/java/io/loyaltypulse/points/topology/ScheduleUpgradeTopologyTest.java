package io.loyaltypulse.points.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.points.ledger.NegativeBalancePolicy;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.Events.adjustment;
import static io.loyaltypulse.points.Events.purchase;
import static io.loyaltypulse.points.Events.survey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts scheduled in the {@code points-schedule} store as the release before DueIndex
 * wrote it (the customer id as the value) fall due as they do in a store DueIndex wrote:
 * the same ledger, each expiry and end of a return window once.
 */
class ScheduleUpgradeTopologyTest extends OneDriverPerTest {

	@Test
	void shouldApplyWhatFallsDueFromAScheduleInTheOldFormatAsFromANewOne() {
		List<PointsTransaction> fromOldFormat = scenario(this.points, true);

		try (PointsDriver control = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE,
				this.stateDir.resolve("control"))) {
			assertThat(fromOldFormat).isEqualTo(scenario(control, false));
		}
		assertThat(fromOldFormat).extracting(PointsTransaction::getKind)
			.contains(PointsTransactionKind.EARN, PointsTransactionKind.BONUS, PointsTransactionKind.ADJUST,
					PointsTransactionKind.EXPIRE);
	}

	/** The ledger of a few accounts with pending points and lots that expire. */
	private static List<PointsTransaction> scenario(PointsDriver points, boolean oldFormat) {
		points.send(adjustment("c1", "b", 100, Instant.parse("2026-11-03T00:00:00Z")));
		points.send(survey("c1", "nps-q4", "r1", Instant.parse("2026-11-05T00:00:00Z")));
		points.send(
				purchase("c2", "o1", Instant.parse("2026-11-04T10:00:00Z")).line("1", "GROCERY", 1, "100.00").build());
		points.send(adjustment("c3", "c", 100, Instant.parse("2026-12-01T00:00:00Z")));
		if (oldFormat) {
			toOldFormat(points.driver.getKeyValueStore(PointsTopology.SCHEDULE_STORE));
		}
		List<PointsTransaction> ledger = new ArrayList<>(points.ledgerEntries());
		points.wallClockTo(Instant.parse("2026-12-10T00:00:00Z"));
		ledger.addAll(points.ledgerEntries());
		points.wallClockTo(Instant.parse("2027-11-04T00:00:00Z"));
		ledger.addAll(points.ledgerEntries());
		points.wallClockTo(Instant.parse("2027-11-06T00:00:00Z"));
		ledger.addAll(points.ledgerEntries());
		return ledger;
	}

	/** The value DueSchedule wrote under each due-time key: the customer id. */
	private static void toOldFormat(KeyValueStore<String, String> schedule) {
		List<KeyValue<String, String>> entries = new ArrayList<>();
		try (KeyValueIterator<String, String> all = schedule.all()) {
			all.forEachRemaining(entries::add);
		}
		assertThat(entries).as("accounts with something due").hasSizeGreaterThanOrEqualTo(3);
		for (KeyValue<String, String> entry : entries) {
			if (!entry.key.equals(AppliedUntil.KEY)) {
				schedule.put(entry.key, entry.key.substring(entry.key.indexOf('|') + 1));
			}
		}
	}

}
