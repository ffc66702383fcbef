package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsTierChanged;
import io.loyaltypulse.events.PointsTierDowngradeWarning;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.T0;
import static io.loyaltypulse.points.ledger.LedgerFixtures.TIERS;
import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static io.loyaltypulse.points.ledger.LedgerFixtures.availableLot;
import static io.loyaltypulse.points.ledger.LedgerFixtures.days;
import static io.loyaltypulse.points.ledger.LedgerFixtures.lot;
import static org.assertj.core.api.Assertions.assertThat;

/** Expiry and tier periods, applied as of a moment, in time order. */
class TimelineTest {

	final Timeline timeline = LedgerFixtures.timeline();

	final CustomerAccount account = account();

	final List<SpecificRecord> out = new ArrayList<>();

	@Test
	void shouldExpireALotExactlyAtItsExpiryAndNotAMillisecondBefore() {
		Lot lot = lot(this.account, "o1", 100, T0, days(365));

		this.timeline.advance(this.account, days(365).minusMillis(1), this.out);
		assertThat(this.out).isEmpty();

		this.timeline.advance(this.account, days(365), this.out);
		assertThat(this.out).singleElement().isInstanceOfSatisfying(PointsTransaction.class, (expiry) -> {
			assertThat(expiry.getKind()).isEqualTo(PointsTransactionKind.EXPIRE);
			assertThat(expiry.getPoints()).isEqualTo(-100);
			assertThat(expiry.getOccurredAt()).as("stamped when it fell due").isEqualTo(days(365));
			assertThat(expiry.getSourceEventId()).isEqualTo(lot.id("c1"));
			assertThat(expiry.getOrderId()).isEqualTo("o1");
			assertThat(expiry.getBalanceAfter()).isZero();
		});
		assertThat(this.account.lots).isEmpty();
	}

	@Test
	void shouldExpireOnlyWhatIsLeftOfALot() {
		Lot lot = availableLot(this.account, 100, 365);
		lot.remaining = 40;

		this.timeline.advance(this.account, days(400), this.out);

		assertThat(this.out).singleElement()
			.isInstanceOfSatisfying(PointsTransaction.class, (expiry) -> assertThat(expiry.getExplanation())
				.isEqualTo("40 of the 100 points of lot c1:1 expired 12 months after their credit"));
	}

	@Test
	void shouldApplyExpiriesWarningsAndTierPeriodEndsInTimeOrder() {
		// 600 qualifying points on T0: SILVER until T0 + 12 months, warned 30 days before
		// (the points will no longer count then), then back to BASE.
		TIERS.addQualifying(this.account.tiers, "c1", T0, 600, T0);
		Instant periodEnd = Instant.parse("2027-03-02T10:00:00Z");
		availableLot(this.account, 1, 300);
		availableLot(this.account, 2, 350);
		lot(this.account, null, 3, T0, periodEnd.plusSeconds(1));

		this.timeline.advance(this.account, periodEnd.plusSeconds(3600), this.out);

		assertThat(this.out).extracting((change) -> change.getClass().getSimpleName())
			.containsExactly("PointsTransaction", "PointsTierDowngradeWarning", "PointsTransaction",
					"PointsTierChanged", "PointsTransaction");
		assertThat(((PointsTierDowngradeWarning) this.out.get(1)).getOccurredAt())
			.isEqualTo(Instant.parse("2027-01-31T10:00:00Z"));
		assertThat(((PointsTierChanged) this.out.get(3)).getToTier()).isEqualTo("BASE");
	}

	@Test
	void shouldExpireALotBeforeATierPeriodThatEndsAtTheSameMoment() {
		TIERS.addQualifying(this.account.tiers, "c1", T0, 600, T0);
		Instant periodEnd = Instant.parse("2027-03-02T10:00:00Z");
		lot(this.account, null, 5, T0, periodEnd);
		List<SpecificRecord> warning = new ArrayList<>();
		this.timeline.advance(this.account, periodEnd.minusSeconds(1), warning);

		this.timeline.advance(this.account, periodEnd, this.out);

		assertThat(warning).singleElement().isInstanceOf(PointsTierDowngradeWarning.class);
		assertThat(this.out).extracting((change) -> change.getClass().getSimpleName())
			.containsExactly("PointsTransaction", "PointsTierChanged");
	}

	@Test
	void shouldSayWhenTheAccountIsNextDue() {
		assertThat(this.timeline.nextDue(this.account)).as("nothing due").isEqualTo(Long.MAX_VALUE);

		availableLot(this.account, 5, 400);
		assertThat(this.timeline.nextDue(this.account)).isEqualTo(days(400).toEpochMilli());

		availableLot(this.account, 5, 20);
		assertThat(this.timeline.nextDue(this.account)).isEqualTo(days(20).toEpochMilli());

		TIERS.addQualifying(this.account.tiers, "c1", T0, 600, T0);
		assertThat(this.timeline.nextDue(this.account)).as("the lot still comes before the warning")
			.isEqualTo(days(20).toEpochMilli());
	}

}
