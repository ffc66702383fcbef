package io.loyaltypulse.points.ledger;

import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.ReferralQualified;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static io.loyaltypulse.points.ledger.LedgerFixtures.days;
import static org.assertj.core.api.Assertions.assertThat;

class ReferralQualificationTest {

	final CustomerAccount account = account();

	final List<SpecificRecord> out = new ArrayList<>();

	@Test
	void shouldBeDueOnlyWhileTheFirstPurchaseIsInItsReturnWindow() {
		ReferralQualification qualification = qualification(100);
		assertThat(qualification.dueAt(this.account)).isEqualTo(Long.MAX_VALUE);

		this.account.referral = new Referral("friend", "ref-1", days(0).toEpochMilli());
		assertThat(qualification.dueAt(this.account)).isEqualTo(Long.MAX_VALUE);

		inReturnWindowUntil(31);
		assertThat(qualification.dueAt(this.account)).isEqualTo(days(31).toEpochMilli());
	}

	@Test
	void shouldPayTheNewCustomerAndSendTheQualificationToTheReferrer() {
		inReturnWindowUntil(31);

		qualification(100).qualify(this.account, this.out);

		assertThat(this.account.referral.status).isEqualTo(Referral.Status.QUALIFIED);
		assertThat(this.out).hasSize(2);
		assertThat((PointsTransaction) this.out.get(0)).satisfies((entry) -> {
			assertThat(entry.getKind()).isEqualTo(PointsTransactionKind.BONUS);
			assertThat(entry.getPoints()).isEqualTo(100);
			assertThat(entry.getOccurredAt()).isEqualTo(days(31));
			assertThat(entry.getSourceEventId()).isEqualTo("ref-1");
			assertThat(entry.getExplanation()).isEqualTo("Bonus for joining through the referral of customer friend: "
					+ "the first purchase, order o1, passed its return window without a full refund: 100 points");
		});
		assertThat((ReferralQualified) this.out.get(1)).satisfies((qualified) -> {
			assertThat(qualified.getEventId()).isEqualTo("referral:c1");
			assertThat(qualified.getCustomerId()).isEqualTo("friend");
			assertThat(qualified.getReferredCustomerId()).isEqualTo("c1");
			assertThat(qualified.getOccurredAt()).isEqualTo(days(31));
		});
		assertThat(qualification(100).dueAt(this.account)).as("once").isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void shouldBeAppliedByTheTimelineInTimeOrder() {
		inReturnWindowUntil(31);

		LedgerFixtures.timeline().advance(this.account, days(30), this.out);
		assertThat(this.out).isEmpty();
		LedgerFixtures.timeline().advance(this.account, days(31), this.out);
		assertThat(this.out).hasSize(2);
		assertThat(qualification(100).dueAt(this.account)).isEqualTo(Long.MAX_VALUE);
	}

	private void inReturnWindowUntil(int day) {
		this.account.referral = new Referral("friend", "ref-1", days(0).toEpochMilli());
		this.account.referral.status = Referral.Status.IN_RETURN_WINDOW;
		this.account.referral.orderId = "o1";
		this.account.referral.qualifiesAt = days(day).toEpochMilli();
	}

	private static ReferralQualification qualification(long referredPoints) {
		return new ReferralQualification(new EngagementBonuses(20, 2, 200, referredPoints, 2), LedgerFixtures.lots());
	}

}
