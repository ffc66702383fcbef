package io.loyaltypulse.points.topology;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.events.PointsRequestStatus;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.points.ledger.NegativeBalancePolicy;
import io.loyaltypulse.points.ledger.PointsSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.loyaltypulse.points.Events.adjustment;
import static io.loyaltypulse.points.Events.purchase;
import static io.loyaltypulse.points.Events.redemption;
import static io.loyaltypulse.points.Events.refundAmount;
import static io.loyaltypulse.points.Events.refundLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Refunds take back exactly what the refunded lines (or share of the amount) earned,
 * restore points redeemed against the order in proportion, and follow the negative
 * balance policy when the points were already spent.
 */
class RefundTopologyTest {

	static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

	static final long DAY = 86_400;

	@TempDir
	Path stateDir;

	PointsDriver points;

	@AfterEach
	void stop() {
		this.points.close();
	}

	@Test
	void shouldRestoreRedeemedPointsAndReverseEarnedPointsOnAPartialRefundAfterAPartialRedemption() {
		this.points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir);
		this.points
			.send(purchase("c1", "o1", T0).line("1", "GROCERY", 4, "25.00").line("2", "BOOKS", 1, "50.00").build());
		// 80 points pay for part of order o2, which then earns on what was paid in money.
		this.points.send(redemption("c1", "pay-o2", 80, "o2", T0.plusSeconds(31 * DAY)));
		this.points.send(purchase("c1", "o2", T0.plusSeconds(31 * DAY)).line("1", "GROCERY", 2, "30.00").build());
		// Half of o2 is returned: one of its two units.
		this.points.send(refundLines("c1", "o2", "r1", T0.plusSeconds(35 * DAY), "30.00", "1", "1"));

		List<PointsTransaction> entries = this.points.ledgerEntries();
		assertThat(entries).extracting(PointsTransaction::getKind, PointsTransaction::getPoints)
			.containsExactly(tuple(PointsTransactionKind.EARN, 200L), tuple(PointsTransactionKind.REDEEM, -80L),
					tuple(PointsTransactionKind.EARN, 60L), tuple(PointsTransactionKind.RESTORE_REDEEM, 40L),
					tuple(PointsTransactionKind.REVERSE_EARN, -30L));
		PointsTransaction reverse = entries.get(4);
		assertThat(reverse.getOrderId()).isEqualTo("o2");
		assertThat(reverse.getSourceEventId()).isEqualTo("refund-r1");
		assertThat(reverse.getLots()).singleElement()
			.satisfies((lot) -> assertThat(lot.getLotId()).as("taken from o2's own, still pending, lot")
				.isEqualTo("c1:3"));
		assertThat(reverse.getBalanceAfter()).isEqualTo(190);
		assertThat(reverse.getAvailableAfter()).isEqualTo(160);
		assertThat(reverse.getPendingAfter()).isEqualTo(30);
		assertThat(entries.get(3).getExplanation()).contains("40 of the 80 points redeemed against it are restored");
	}

	@Test
	void shouldRestoreEverythingRedeemedAgainstAnOrderOnceItIsFullyRefundedAndRefuseLaterRedemptions() {
		this.points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir);
		this.points.send(adjustment("c1", "credit", 500, T0));
		this.points.send(purchase("c1", "o1", T0.plusSeconds(60)).line("1", "GROCERY", 1, "100.00").build());
		this.points.send(redemption("c1", "k1", 50, "o1", T0.plusSeconds(120)));
		this.points.send(refundAmount("c1", "o1", "r1", T0.plusSeconds(DAY), "50.00"));
		// A second redemption against o1 between the refunds: 100 redeemed against it.
		this.points.send(redemption("c1", "k2", 50, "o1", T0.plusSeconds(2 * DAY)));
		this.points.send(refundAmount("c1", "o1", "r2", T0.plusSeconds(3 * DAY), "50.00"));
		this.points.send(redemption("c1", "k3", 10, "o1", T0.plusSeconds(4 * DAY)));

		List<PointsTransaction> entries = this.points.ledgerEntries();
		assertThat(entries).extracting(PointsTransaction::getKind, PointsTransaction::getPoints)
			.containsExactly(tuple(PointsTransactionKind.ADJUST, 500L), tuple(PointsTransactionKind.EARN, 100L),
					tuple(PointsTransactionKind.REDEEM, -50L), tuple(PointsTransactionKind.RESTORE_REDEEM, 25L),
					tuple(PointsTransactionKind.REVERSE_EARN, -50L), tuple(PointsTransactionKind.REDEEM, -50L),
					tuple(PointsTransactionKind.RESTORE_REDEEM, 75L), tuple(PointsTransactionKind.REVERSE_EARN, -50L));
		assertThat(entries).filteredOn((entry) -> entry.getKind() == PointsTransactionKind.RESTORE_REDEEM)
			.as("o1 is fully refunded: all 100 points redeemed against it are back")
			.extracting(PointsTransaction::getPoints)
			.containsExactly(25L, 75L);
		assertThat(this.points.outcomes.readValuesToList()).extracting(PointsRequestOutcome::getStatus)
			.as("the credit, k1, k2; no redemption (k3) against an order that is fully refunded")
			.containsExactly(PointsRequestStatus.APPROVED, PointsRequestStatus.APPROVED, PointsRequestStatus.APPROVED,
					PointsRequestStatus.INVALID);
	}

	@Test
	void shouldTakeBackExactlyWhatALineEarnedOverSeveralPartialRefunds() {
		this.points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir);
		// line 1: 3 x 9.99 = 29.97 -> 29 points; line 2 (BOOKS): 1 x 10.00 -> 20
		this.points
			.send(purchase("c1", "o1", T0).line("1", "GROCERY", 3, "9.99").line("2", "BOOKS", 1, "10.00").build());
		this.points.send(refundLines("c1", "o1", "r1", T0.plusSeconds(DAY), "9.99", "1", "1"));
		this.points.send(refundLines("c1", "o1", "r2", T0.plusSeconds(2 * DAY), "9.99", "1", "1"));
		this.points.send(refundLines("c1", "o1", "r3", T0.plusSeconds(3 * DAY), "9.99", "1", "1"));

		// floor(29 x 1/3) = 9, floor(29 x 2/3) - 9 = 10, 29 - 19 = 10: 29 in all, line 2
		// untouched
		assertThat(this.points.ledgerEntries()).extracting(PointsTransaction::getPoints)
			.containsExactly(49L, -9L, -10L, -10L);
		assertThat(this.points.summary("c1", T0.plusSeconds(3 * DAY), 30).pending()).isEqualTo(20);
	}

	@Test
	void shouldTakeBackTheRefundedShareOfTheAmountWhenNoLinesAreNamed() {
		this.points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir);
		this.points.send(purchase("c1", "o1", T0).line("1", "GROCERY", 1, "99.00").build());
		this.points.send(refundAmount("c1", "o1", "r1", T0.plusSeconds(DAY), "33.33"));
		this.points.send(refundAmount("c1", "o1", "r2", T0.plusSeconds(2 * DAY), "65.67"));

		// floor(99 x 33.33/99) = 33; then the rest: 99 - 33 = 66
		assertThat(this.points.ledgerEntries()).extracting(PointsTransaction::getPoints)
			.containsExactly(99L, -33L, -66L);
	}

	@Test
	void shouldCountNoPartTwiceWhenLineAndAmountRefundsFollowEachOther() {
		this.points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir);
		// line 1 (BOOKS): 50.00 -> 100 points; line 2: 50.00 -> 50 points
		this.points
			.send(purchase("c1", "o1", T0).line("1", "BOOKS", 1, "50.00").line("2", "GROCERY", 1, "50.00").build());
		this.points.send(refundLines("c1", "o1", "r1", T0.plusSeconds(DAY), "50.00", "2", "1"));
		this.points.send(refundAmount("c1", "o1", "r2", T0.plusSeconds(2 * DAY), "25.00"));
		this.points.send(refundAmount("c1", "o1", "r3", T0.plusSeconds(3 * DAY), "25.00"));

		// Line 2 takes back its 50; the amounts then share out what is left (line 1's 100
		// points for 50.00): 25.00 of it is 50 points, twice.
		assertThat(this.points.ledgerEntries()).extracting(PointsTransaction::getPoints)
			.containsExactly(150L, -50L, -50L, -50L);
	}

	@Test
	void shouldLetTheBalanceGoNegativeUnderAllowNegativeAndSettleItFromLaterCredits() {
		this.points = new PointsDriver(NegativeBalancePolicy.ALLOW_NEGATIVE, this.stateDir);
		spendEverythingThenRefund();
		this.points.send(purchase("c1", "o2", T0.plusSeconds(40 * DAY)).line("1", "GROCERY", 1, "30.00").build());

		List<PointsTransaction> entries = this.points.ledgerEntries();
		PointsTransaction reverse = entries.get(2);
		assertThat(reverse.getKind()).isEqualTo(PointsTransactionKind.REVERSE_EARN);
		assertThat(reverse.getPoints()).isEqualTo(-100);
		assertThat(reverse.getShortfall()).isZero();
		assertThat(reverse.getBalanceAfter()).isEqualTo(-100);
		assertThat(reverse.getExplanation()).contains("ALLOW_NEGATIVE");
		PointsTransaction laterEarn = entries.get(3);
		assertThat(laterEarn.getPoints()).isEqualTo(30);
		assertThat(laterEarn.getBalanceAfter()).isEqualTo(-70);
		assertThat(laterEarn.getExplanation()).contains("30 of them settle a negative balance");
		assertThat(laterEarn.getLots()).as("points that settle a debt enter no lot").isEmpty();
		PointsSummary summary = this.points.summary("c1", T0.plusSeconds(80 * DAY), 30);
		assertThat(summary.available()).isEqualTo(-70);
	}

	@Test
	void shouldStopAtZeroAndRecordTheShortfallUnderCapAtZero() {
		this.points = new PointsDriver(NegativeBalancePolicy.CAP_AT_ZERO, this.stateDir);
		spendEverythingThenRefund();

		PointsTransaction reverse = this.points.ledgerEntries().get(2);
		assertThat(reverse.getKind()).isEqualTo(PointsTransactionKind.REVERSE_EARN);
		assertThat(reverse.getPoints()).isZero();
		assertThat(reverse.getShortfall()).isEqualTo(100);
		assertThat(reverse.getBalanceAfter()).isZero();
		assertThat(reverse.getExplanation()).contains("CAP_AT_ZERO");
		assertThat(this.points.summary("c1", T0.plusSeconds(80 * DAY), 30).shortfall()).isEqualTo(100);
	}

	private void spendEverythingThenRefund() {
		this.points.send(purchase("c1", "o1", T0).line("1", "GROCERY", 2, "50.00").build());
		this.points.send(redemption("c1", "all", 100, null, T0.plusSeconds(31 * DAY)));
		this.points.send(refundLines("c1", "o1", "r1", T0.plusSeconds(32 * DAY), "100.00", "1", "2"));
	}

}
