package io.loyaltypulse.points.ledger;

import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.ReferralQualified;
import io.loyaltypulse.points.InvalidEventException;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static io.loyaltypulse.points.ledger.LedgerFixtures.days;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferralRewardTest {

	final CustomerAccount referrer = account();

	final InMemoryHistory history = new InMemoryHistory();

	final List<SpecificRecord> out = new ArrayList<>();

	final ReferralReward reward = new ReferralReward(new EngagementBonuses(20, 2, 200, 100, 2), LedgerFixtures.lots(),
			LedgerFixtures.timeline());

	@Test
	void shouldCreditTheReferrerNamingTheReferredCustomer() {
		this.reward.apply(this.referrer, this.history, qualified("new-1", 10), this.out);

		assertThat(this.out).singleElement().isInstanceOfSatisfying(PointsTransaction.class, (entry) -> {
			assertThat(entry.getKind()).isEqualTo(PointsTransactionKind.BONUS);
			assertThat(entry.getPoints()).isEqualTo(200);
			assertThat(entry.getAvailableAfter()).isEqualTo(200);
			assertThat(entry.getSourceEventId()).isEqualTo("referral:new-1");
			assertThat(entry.getExplanation()).isEqualTo("Bonus for referring customer new-1: their first purchase, "
					+ "order o-new-1, passed its return window without a full refund: 200 points");
		});
	}

	@Test
	void shouldPayEachQualifiedReferralOnce() {
		this.reward.apply(this.referrer, this.history, qualified("new-1", 10), this.out);
		this.reward.apply(this.referrer, this.history, qualified("new-1", 10), this.out);

		assertThat(this.out).hasSize(1);
	}

	@Test
	void shouldPayAtMostTheYearlyLimitAndSayWhy() {
		this.reward.apply(this.referrer, this.history, qualified("new-1", 10), this.out);
		this.reward.apply(this.referrer, this.history, qualified("new-2", 20), this.out);

		assertThatThrownBy(() -> this.reward.apply(this.referrer, this.history, qualified("new-3", 30), this.out))
			.isInstanceOf(InvalidEventException.class)
			.hasMessage("No referral bonus for customer c1 for referring customer new-3: the limit of 2 referral "
					+ "bonuses a year is reached (loyalty.points.max-referral-bonuses-per-year)");
		this.reward.apply(this.referrer, this.history, qualified("new-4", 320), this.out);
		assertThat(this.out).as("a new calendar year").hasSize(3);
	}

	@Test
	void shouldRefuseAReferralOfTheReferrerThemself() {
		assertThatThrownBy(() -> this.reward.apply(this.referrer, this.history, qualified("c1", 10), this.out))
			.hasMessageEndingWith("nobody can refer themself");
	}

	private static ReferralQualified qualified(String referredCustomerId, int day) {
		return ReferralQualified.newBuilder()
			.setEventId("referral:" + referredCustomerId)
			.setCustomerId("c1")
			.setOccurredAt(days(day))
			.setReferredCustomerId(referredCustomerId)
			.setReferralEventId("ref-" + referredCustomerId)
			.setOrderId("o-" + referredCustomerId)
			.build();
	}

}
