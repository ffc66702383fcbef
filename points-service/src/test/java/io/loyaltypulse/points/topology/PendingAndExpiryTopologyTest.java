package io.loyaltypulse.points.topology;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsLotMovement;
import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.events.PointsRequestStatus;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.points.ledger.PointsSummary;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.Events.adjustment;
import static io.loyaltypulse.points.Events.purchase;
import static io.loyaltypulse.points.Events.redemption;
import static io.loyaltypulse.points.Events.survey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Pending points (30-day return window), lots, spending order and expiry (12 months).
 */
class PendingAndExpiryTopologyTest extends OneDriverPerTest {

	static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

	@Test
	void shouldKeepEarnedPointsPendingUntilTheReturnWindowCloses() {
		this.points.send(purchase("c1", "o1", T0).line("1", "GROCERY", 1, "100.00").build());
		this.points.send(redemption("c1", "k1", 50, null, T0.plusSeconds(10 * 86_400)));

		PointsSummary beforeWindow = this.points.summary("c1", T0.plusSeconds(29 * 86_400), 30);
		assertThat(beforeWindow.available()).isZero();
		assertThat(beforeWindow.pending()).isEqualTo(100);

		this.points.send(redemption("c1", "k2", 50, null, T0.plusSeconds(30 * 86_400)));

		PointsTransaction earn = this.points.ledgerEntries().get(0);
		assertThat(earn.getPendingAfter()).isEqualTo(100);
		assertThat(earn.getAvailableAfter()).isZero();
		assertThat(earn.getAvailableAt()).isEqualTo(T0.plusSeconds(30 * 86_400));
		assertThat(this.points.outcomes.readValuesToList()).extracting(PointsRequestOutcome::getStatus)
			.containsExactly(PointsRequestStatus.INSUFFICIENT_POINTS, PointsRequestStatus.APPROVED);
		PointsSummary afterWindow = this.points.summary("c1", T0.plusSeconds(31 * 86_400), 30);
		assertThat(afterWindow.available()).isEqualTo(50);
		assertThat(afterWindow.pending()).isZero();
	}

	@Test
	void shouldSpendTheLotsThatExpireFirstAndExpireTheRestByPunctuation() {
		// Lots: B (adjustment, expires 2027-11-03), A (survey bonus, 2027-11-05), C
		// (adjustment, 2027-12-01)
		this.points.send(adjustment("c1", "b", 100, Instant.parse("2026-11-03T00:00:00Z")));
		this.points.send(survey("c1", "nps-q4", "r1", Instant.parse("2026-11-05T00:00:00Z")));
		this.points.send(adjustment("c1", "c", 100, Instant.parse("2026-12-01T00:00:00Z")));
		this.points.send(redemption("c1", "spend", 120, null, Instant.parse("2026-12-05T00:00:00Z")));

		List<PointsTransaction> entries = this.points.ledgerEntries();
		assertThat(entries).extracting(PointsTransaction::getKind)
			.containsExactly(PointsTransactionKind.ADJUST, PointsTransactionKind.BONUS, PointsTransactionKind.ADJUST,
					PointsTransactionKind.REDEEM);
		PointsTransaction redeem = entries.get(3);
		assertThat(redeem.getLots()).extracting(PointsLotMovement::getLotId, PointsLotMovement::getPoints)
			.containsExactly(tuple("c1:1", -100L), tuple("c1:2", -20L));
		assertThat(redeem.getBalanceAfter()).isEqualTo(130);

		PointsSummary aMonthBefore = this.points.summary("c1", Instant.parse("2027-10-01T00:00:00Z"), 40);
		assertThat(aMonthBefore.expiringSoon()).isEqualTo(30);
		assertThat(this.points.summary("c1", Instant.parse("2027-10-01T00:00:00Z"), 30).expiringSoon()).isZero();

		this.points.wallClockTo(Instant.parse("2027-11-06T00:00:00Z"));

		assertThat(this.points.ledgerEntries()).singleElement().satisfies((expire) -> {
			assertThat(expire.getKind()).isEqualTo(PointsTransactionKind.EXPIRE);
			assertThat(expire.getPoints()).isEqualTo(-30);
			assertThat(expire.getOccurredAt()).isEqualTo(Instant.parse("2027-11-05T00:00:00Z"));
			assertThat(expire.getSourceEventId()).as("the lot's credit").isEqualTo("c1:2");
			assertThat(expire.getBalanceAfter()).isEqualTo(100);
		});
		PointsSummary after = this.points.summary("c1", Instant.parse("2027-11-10T00:00:00Z"), 30);
		assertThat(after.available()).isEqualTo(100);
		assertThat(after.expiringSoon()).isEqualTo(100);
		assertThat(after.expiring()).singleElement()
			.extracting(PointsSummary.Expiring::expiresAt)
			.isEqualTo(Instant.parse("2027-12-01T00:00:00Z"));
	}

	@Test
	void shouldAdvanceToStreamTimeWhileRecordsFlowAndToTheWallClockOnlyWhenIdle() {
		// A replay of 2024's events in 2026: the wall clock is far ahead of the events.
		this.points.send(adjustment("c1", "a", 100, Instant.parse("2024-01-10T00:00:00Z")));
		Instant start = PointsDriver.WALL_CLOCK_START;
		for (int i = 1; i <= 3; i++) {
			// The punctuator runs at +60 s, 30 s after the last record: not idle.
			this.points.wallClockTo(start.plusSeconds(30L * i));
			this.points.send(adjustment("c2", "x" + i, 1, Instant.parse("2024-06-01T00:00:00Z")));
		}
		assertThat(this.points.ledgerEntries()).extracting(PointsTransaction::getKind)
			.as("stream time is 2024-06-01: the lot expiring 2025-01-10 stays")
			.containsOnly(PointsTransactionKind.ADJUST)
			.hasSize(4);

		this.points.wallClockTo(start.plusSeconds(600));

		assertThat(this.points.ledgerEntries()).as("idle: advanced to the wall clock")
			.extracting(PointsTransaction::getCustomerId, PointsTransaction::getKind, PointsTransaction::getPoints,
					PointsTransaction::getOccurredAt)
			.containsExactlyInAnyOrder(
					tuple("c1", PointsTransactionKind.EXPIRE, -100L, Instant.parse("2025-01-10T00:00:00Z")),
					tuple("c2", PointsTransactionKind.EXPIRE, -1L, Instant.parse("2025-06-01T00:00:00Z")),
					tuple("c2", PointsTransactionKind.EXPIRE, -1L, Instant.parse("2025-06-01T00:00:00Z")),
					tuple("c2", PointsTransactionKind.EXPIRE, -1L, Instant.parse("2025-06-01T00:00:00Z")));
	}

}
