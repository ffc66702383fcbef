package io.loyaltypulse.points.topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.events.PointsRedemptionRequested;
import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.events.PointsRequestStatus;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.points.ledger.NegativeBalancePolicy;
import io.loyaltypulse.points.ledger.PointsSummary;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.loyaltypulse.points.Events.adjustment;
import static io.loyaltypulse.points.Events.purchase;
import static io.loyaltypulse.points.Events.redemption;
import static io.loyaltypulse.points.Events.referral;
import static io.loyaltypulse.points.Events.refundAmount;
import static io.loyaltypulse.points.Events.refundLines;
import static io.loyaltypulse.points.Events.review;
import static io.loyaltypulse.points.Events.survey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An event processed twice changes nothing; a request retried is answered the same way;
 * the balance is the fold of the ledger; replaying the inputs gives the same ledger,
 * however the punctuator was timed.
 */
class ExactnessTopologyTest {

	static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

	static final long DAY = 86_400;

	@TempDir
	Path stateDir;

	@Test
	void shouldIgnoreARepeatedPurchaseAndRefund() {
		try (PointsDriver points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir)) {
			PurchaseCompleted purchase = purchase("c1", "o1", T0).line("1", "GROCERY", 2, "50.00").build();
			points.send(purchase).send(purchase);
			points.send(refundLines("c1", "o1", "r1", T0.plusSeconds(DAY), "50.00", "1", "1"));
			points.send(refundLines("c1", "o1", "r1", T0.plusSeconds(DAY), "50.00", "1", "1"));
			points.send(purchase);

			assertThat(points.ledgerEntries()).extracting(PointsTransaction::getKind, PointsTransaction::getPoints)
				.containsExactly(tuple(PointsTransactionKind.EARN, 100L),
						tuple(PointsTransactionKind.REVERSE_EARN, -50L));
			assertThat(points.summary("c1", T0.plusSeconds(DAY), 30).pending()).isEqualTo(50);
			assertThat(points.purchasesDeadLetters.readRecordsToList())
				.as("a repeated event is skipped as a duplicate, not refused")
				.isEmpty();
		}
	}

	@Test
	void shouldAnswerARetriedRedemptionWithItsFirstOutcomeAndRefuseAReusedKey() {
		try (PointsDriver points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir)) {
			points.send(adjustment("c1", "credit", 100, T0));
			points.send(attempt(redemption("c1", "k1", 60, null, T0.plusSeconds(60)), "call-1"));
			points.send(attempt(redemption("c1", "k1", 60, null, T0.plusSeconds(120)), "call-2"));
			points.send(attempt(redemption("c1", "k1", 70, null, T0.plusSeconds(180)), "call-3"));
			points.send(redemption("c1", "k2", 60, null, T0.plusSeconds(240)));

			assertThat(points.ledgerEntries()).extracting(PointsTransaction::getKind)
				.containsExactly(PointsTransactionKind.ADJUST, PointsTransactionKind.REDEEM);
			List<PointsRequestOutcome> outcomes = points.outcomes.readValuesToList();
			assertThat(outcomes).extracting(PointsRequestOutcome::getStatus)
				.containsExactly(PointsRequestStatus.APPROVED, PointsRequestStatus.APPROVED,
						PointsRequestStatus.APPROVED, PointsRequestStatus.IDEMPOTENCY_CONFLICT,
						PointsRequestStatus.INSUFFICIENT_POINTS);
			assertThat(outcomes.get(2).getTransactionId()).isEqualTo(outcomes.get(1).getTransactionId())
				.isEqualTo("c1:2");
			assertThat(outcomes.get(2).getAvailableAfter()).isEqualTo(40);
			assertThat(outcomes).extracting(PointsRequestOutcome::getEventId).doesNotHaveDuplicates();
			assertThat(outcomes).as("each outcome echoes the call that sent its request")
				.extracting(PointsRequestOutcome::getAttemptId)
				.containsExactly(null, "call-1", "call-2", "call-3", null);
		}
	}

	private static PointsRedemptionRequested attempt(PointsRedemptionRequested request, String attemptId) {
		return PointsRedemptionRequested.newBuilder(request).setAttemptId(attemptId).build();
	}

	@Test
	void shouldKeepTheBalanceTheFoldOfTheLedger() {
		try (PointsDriver points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir)) {
			scenario().forEach(points::send);
			points.wallClockTo(Instant.parse("2028-06-01T00:00:00Z"));
			// c4's referral qualified in that punctuation and crossed to c1 after c1's
			// account had been advanced past the bonus's expiry: the next punctuation
			// applies what fell due in between, as it does for any late event.
			points.wallClockTo(Instant.parse("2028-06-01T00:01:00Z"));

			Map<String, List<PointsTransaction>> byCustomer = new LinkedHashMap<>();
			points.ledgerEntries()
				.forEach((entry) -> byCustomer.computeIfAbsent(entry.getCustomerId(), (id) -> new ArrayList<>())
					.add(entry));
			assertThat(byCustomer).containsOnlyKeys("c1", "c2", "c3", "c4");
			byCustomer.forEach((customerId, entries) -> {
				long balance = 0;
				for (int i = 0; i < entries.size(); i++) {
					PointsTransaction entry = entries.get(i);
					balance += entry.getPoints();
					assertThat(entry.getSequence()).isEqualTo(i + 1);
					assertThat(entry.getBalanceAfter()).as("%s after %s", customerId, entry.getEventId())
						.isEqualTo(balance)
						.isEqualTo(entry.getAvailableAfter() + entry.getPendingAfter());
				}
				PointsSummary summary = points.summary(customerId, Instant.parse("2028-06-01T00:00:00Z"), 30);
				assertThat(summary.available() + summary.pending()).isEqualTo(balance);
			});
			assertThat(byCustomer.get("c1")).extracting(PointsTransaction::getSourceEventId)
				.as("the review bonus, and the referral bonus crossed from c4's partition")
				.contains("review-rv1", "referral:c4");
			assertThat(byCustomer.get("c4")).filteredOn((entry) -> entry.getKind() == PointsTransactionKind.BONUS)
				.extracting(PointsTransaction::getPoints)
				.containsExactly(100L);
			assertThat(byCustomer.get("c3")).filteredOn((entry) -> entry.getKind() == PointsTransactionKind.BONUS)
				.extracting(PointsTransaction::getPoints)
				.as("the review bonus of the refunded item taken back")
				.containsExactly(20L, -20L);
			assertThat(byCustomer.get("c1")).extracting(PointsTransaction::getKind)
				.contains(PointsTransactionKind.EARN, PointsTransactionKind.BONUS, PointsTransactionKind.REDEEM,
						PointsTransactionKind.RESTORE_REDEEM, PointsTransactionKind.REVERSE_EARN,
						PointsTransactionKind.EXPIRE);
		}
	}

	@Test
	void shouldDeadLetterAPurchaseTooOldToBeToldFromADuplicate() {
		try (PointsDriver points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir)) {
			PurchaseCompleted old = purchase("c1", "o1", T0).line("1", "GROCERY", 1, "10.00").build();
			points.send(old);
			points.send(purchase("c1", "o2", T0.plusSeconds(401 * DAY)).line("1", "GROCERY", 1, "20.00").build());
			points.send(old);
			// exactly at the horizon: the stores no longer show that millisecond either
			points.send(purchase("c1", "o3", T0.plusSeconds(401 * DAY).minus(PointsDriver.RETENTION))
				.line("1", "GROCERY", 1, "30.00")
				.build());

			assertThat(points.ledgerEntries()).filteredOn((entry) -> entry.getKind() == PointsTransactionKind.EARN)
				.extracting(PointsTransaction::getOrderId)
				.containsExactly("o1", "o2");
			assertThat(points.purchaseDeadLetterReasons()).hasSize(2)
				.allSatisfy((reason) -> assertThat(reason).contains("older than the order retention"));
		}
	}

	@Test
	void shouldRememberAnOrderForItsRetentionAfterThePurchaseEvenWhenARedemptionCameFirst() {
		try (PointsDriver points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir)) {
			points.send(adjustment("c1", "credit", 100, T0));
			// paid partly with points at checkout; the purchase is published at
			// fulfilment
			points.send(redemption("c1", "pay-o9", 50, "o9", T0));
			PurchaseCompleted fulfilled = purchase("c1", "o9", T0.plusSeconds(10 * DAY))
				.line("1", "GROCERY", 1, "40.00")
				.build();
			points.send(fulfilled);
			points.send(purchase("c1", "o10", T0.plusSeconds(405 * DAY)).line("1", "GROCERY", 1, "10.00").build());
			points.send(fulfilled);

			assertThat(points.ledgerEntries()).filteredOn((entry) -> entry.getKind() == PointsTransactionKind.EARN)
				.extracting(PointsTransaction::getOrderId)
				.as("the redelivered purchase, within the retention after it, is recognised")
				.containsExactly("o9", "o10");
			assertThat(points.purchaseDeadLetterReasons()).isEmpty();
		}
	}

	@Test
	void shouldForgetAnOrderAfterItsRetentionSoTheStateStaysBounded() {
		try (PointsDriver points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir)) {
			points.send(purchase("c1", "o1", T0).line("1", "GROCERY", 1, "10.00").build());
			Instant twoRetentionsLater = T0.plus(PointsDriver.RETENTION.multipliedBy(2));
			points.send(purchase("c1", "o2", twoRetentionsLater).line("1", "GROCERY", 1, "20.00").build());
			points.send(refundAmount("c1", "o1", "r1", twoRetentionsLater, "5.00"));

			assertThat(points.purchaseDeadLetterReasons()).singleElement().asString().contains("unknown order o1");
		}
	}

	@Test
	void shouldApplyALateRefundBeforeAnExpiryThatFellDueWithinTheAllowedLateness(@TempDir Path otherStateDir)
			throws Exception {
		Instant expiry = T0.atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
		PurchaseCompleted purchase = purchase("c1", "o1", T0).line("1", "GROCERY", 1, "100.00").build();
		var lateRefund = refundAmount("c1", "o1", "r1", expiry.minusSeconds(600), "40.00");
		List<PointsTransaction> live;
		try (PointsDriver points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir)) {
			points.send(purchase);
			// Idle, the wall clock half an hour past the expiry: within the lateness.
			points.wallClockTo(expiry.plusSeconds(1800));
			points.send(lateRefund);
			points.wallClockTo(expiry.plus(PointsDriver.ALLOWED_LATENESS).plusSeconds(3600));
			live = points.ledgerEntries();
		}
		List<PointsTransaction> replayed;
		Files.createDirectories(otherStateDir);
		try (PointsDriver points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, otherStateDir)) {
			points.send(purchase).send(lateRefund);
			points.wallClockTo(expiry.plus(PointsDriver.ALLOWED_LATENESS).plusSeconds(3600));
			replayed = points.ledgerEntries();
		}

		assertThat(live).extracting(PointsTransaction::getKind, PointsTransaction::getPoints)
			.containsExactly(tuple(PointsTransactionKind.EARN, 100L), tuple(PointsTransactionKind.REVERSE_EARN, -40L),
					tuple(PointsTransactionKind.EXPIRE, -60L));
		assertThat(replayed).containsExactlyElementsOf(live);
	}

	@Test
	void shouldListTheLastTransactionsNewestFirstInLedgerOrder() {
		try (PointsDriver points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir)) {
			points.send(purchase("c1", "o1", T0).line("1", "GROCERY", 1, "10.00").build());
			points.send(adjustment("c1", "goodwill", 5, T0.plusSeconds(DAY)));
			// Both lots expire before this purchase: their EXPIRE entries take effect
			// earlier than the purchase but come after the adjustment in the ledger.
			points.send(purchase("c1", "o2", T0.plusSeconds(390 * DAY)).line("1", "GROCERY", 1, "20.00").build());

			assertThat(points.recentTransactions("c1", 3))
				.extracting(RecentTransaction::sequence, RecentTransaction::kind)
				.containsExactly(tuple(5L, "EARN"), tuple(4L, "EXPIRE"), tuple(3L, "EXPIRE"));
			assertThat(points.recentTransactions("c1", 10)).extracting(RecentTransaction::sequence)
				.containsExactly(5L, 4L, 3L, 2L, 1L);
			assertThat(points.recentTransactions("c10", 10)).as("another customer whose id starts alike").isEmpty();
		}
	}

	@Test
	void shouldKeepEveryTransactionOfTheSameMillisecondInLedgerOrder() {
		try (PointsDriver points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir)) {
			points.send(adjustment("c1", "credit", 10, T0));
			points.send(redemption("c1", "spend", 4, null, T0));
			points.send(adjustment("c1", "more", 1, T0));

			assertThat(points.recentTransactions("c1", 10))
				.extracting(RecentTransaction::sequence, RecentTransaction::kind)
				.containsExactly(tuple(3L, "ADJUST"), tuple(2L, "REDEEM"), tuple(1L, "ADJUST"));
		}
	}

	@Test
	void shouldWriteTheSameLedgerWhenTheInputsAreReplayed(@TempDir Path otherStateDir) throws Exception {
		List<PointsTransaction> original;
		try (PointsDriver points = new PointsDriver(NegativeBalancePolicy.CAP_AT_ZERO, this.stateDir)) {
			// Live: the punctuator runs between events, every 30 s of wall clock.
			Instant wall = PointsDriver.WALL_CLOCK_START;
			for (SpecificRecord event : scenario()) {
				wall = wall.plusSeconds(30);
				points.wallClockTo(wall);
				points.send(event);
			}
			points.wallClockTo(Instant.parse("2028-06-01T00:00:00Z"));
			original = points.ledgerEntries();
		}
		List<PointsTransaction> replayed;
		Files.createDirectories(otherStateDir);
		try (PointsDriver points = new PointsDriver(NegativeBalancePolicy.CAP_AT_ZERO, otherStateDir)) {
			// Replay: everything at once, then the punctuator.
			scenario().forEach(points::send);
			points.wallClockTo(Instant.parse("2028-06-01T00:00:00Z"));
			replayed = points.ledgerEntries();
		}
		assertThat(original).hasSizeGreaterThan(15);
		assertThat(replayed).containsExactlyElementsOf(original);
	}

	/**
	 * Four customers, in partition order, with every kind of event: c4 joins through c1's
	 * referral, whose bonus crosses to c1's account through points-referral-rewards; c3's
	 * reviewed item is refunded, which takes its review bonus back.
	 */
	static List<SpecificRecord> scenario() {
		List<SpecificRecord> events = new ArrayList<>();
		events.add(purchase("c1", "o1", T0).line("1", "GROCERY", 4, "25.00").line("2", "BOOKS", 1, "50.00").build());
		events.add(purchase("c2", "o9", T0.plusSeconds(60)).line("1", "HOME", 3, "33.33").total("90.00").build());
		events.add(review("c1", "rv1", "o1", "SKU-2", T0.plusSeconds(DAY)));
		events.add(review("c1", "rv2", "o1", "SKU-2", T0.plusSeconds(DAY + 60)));
		events.add(review("c2", "rv9", "o9", "SKU-1", T0.plusSeconds(2 * DAY)));
		events.add(referral("c4", "c1", T0.plusSeconds(5 * DAY)));
		events.add(referral("c4", "c2", T0.plusSeconds(5 * DAY + 60)));
		events.add(purchase("c4", "o20", T0.plusSeconds(6 * DAY)).line("1", "HOME", 1, "15.00").build());
		events.add(survey("c1", "nps-q4", "r1", T0.plusSeconds(2 * DAY)));
		events.add(survey("c1", "nps-q4", "r2", T0.plusSeconds(3 * DAY)));
		events.add(redemption("c1", "pay-o2", 80, "o2", T0.plusSeconds(31 * DAY)));
		events.add(purchase("c1", "o2", T0.plusSeconds(31 * DAY)).line("1", "GROCERY", 2, "30.00").build());
		events.add(redemption("c2", "too-much", 500, null, T0.plusSeconds(32 * DAY)));
		events.add(redemption("c2", "some", 50, null, T0.plusSeconds(32 * DAY)));
		events.add(refundLines("c1", "o2", "r1", T0.plusSeconds(35 * DAY), "30.00", "1", "1"));
		events.add(refundAmount("c2", "o9", "r9", T0.plusSeconds(36 * DAY), "45.00"));
		events.add(purchase("c3", "o5", T0.plusSeconds(40 * DAY)).line("1", "BOOKS", 1, "300.00").build());
		events.add(review("c3", "rv5", "o5", "SKU-1", T0.plusSeconds(50 * DAY)));
		events.add(adjustment("c3", "fix", -100, T0.plusSeconds(75 * DAY)));
		events.add(refundLines("c3", "o5", "r5", T0.plusSeconds(80 * DAY), "300.00", "1", "1"));
		events.add(purchase("c1", "o3", T0.plusSeconds(200 * DAY)).line("1", "GROCERY", 1, "10.00").build());
		events.add(redemption("c1", "late", 20, null, T0.plusSeconds(400 * DAY)));
		return events;
	}

}
