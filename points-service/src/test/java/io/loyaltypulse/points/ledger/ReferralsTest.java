package io.loyaltypulse.points.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.PurchaseCompleted;
import io.loyaltypulse.points.Events;
import io.loyaltypulse.points.InvalidEventException;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.T0;
import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static io.loyaltypulse.points.ledger.LedgerFixtures.days;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferralsTest {

	final CustomerAccount account = account();

	final InMemoryHistory history = new InMemoryHistory();

	final List<SpecificRecord> out = new ArrayList<>();

	final Referrals referrals = new Referrals(LedgerFixtures.timeline(), Duration.ofDays(30));

	@Test
	void shouldStartTheReturnWindowAtTheFirstPaidPurchase() {
		this.referrals.apply(this.account, this.history, Events.referral("c1", "friend", T0), this.out);
		this.referrals.purchased(this.account, purchase("o0", "0.00", 1));
		assertThat(this.account.referral.status).as("a free order is no purchase")
			.isEqualTo(Referral.Status.AWAITING_FIRST_PURCHASE);

		this.referrals.purchased(this.account, purchase("o1", "10.00", 2));
		this.referrals.purchased(this.account, purchase("o2", "10.00", 3));

		assertThat(this.account.referral.referrerId).isEqualTo("friend");
		assertThat(this.account.referral.status).isEqualTo(Referral.Status.IN_RETURN_WINDOW);
		assertThat(this.account.referral.orderId).isEqualTo("o1");
		assertThat(this.account.referral.qualifiesAt).isEqualTo(days(32).toEpochMilli());
		assertThat(this.out).isEmpty();
	}

	@Test
	void shouldRefuseASelfReferralASecondReferralAndAnExistingCustomer() {
		assertThatThrownBy(
				() -> this.referrals.apply(this.account, this.history, Events.referral("c1", "c1", T0), this.out))
			.isInstanceOf(InvalidEventException.class)
			.hasMessage("Referral referral-c1-by-c1 of customer c1 by customer c1 refused: nobody can refer themself");

		this.referrals.apply(this.account, this.history, Events.referral("c1", "friend", T0), this.out);
		assertThatThrownBy(() -> this.referrals
			.apply(this.account, this.history, Events.referral("c1", "other", days(1)), this.out)).hasMessageEndingWith(
					"refused: they were referred already, by customer friend (event referral-c1-by-friend): a customer is referred once");

		CustomerAccount existing = CustomerAccount.open("c2");
		this.referrals.purchased(existing, purchase("o1", "10.00", 1));
		assertThatThrownBy(
				() -> this.referrals.apply(existing, this.history, Events.referral("c2", "friend", T0), this.out))
			.hasMessageEndingWith("refused: they bought before: a referral is for new customers");
	}

	@Test
	void shouldChangeNothingWhenTheReferralIsDeliveredAgain() {
		this.referrals.apply(this.account, this.history, Events.referral("c1", "friend", T0), this.out);

		this.referrals.apply(this.account, this.history, Events.referral("c1", "friend", T0), this.out);

		assertThat(this.account.referral.eventId).isEqualTo("referral-c1-by-friend");
	}

	@Test
	void shouldVoidTheReferralWhenTheFirstPurchaseIsRefundedInFullAndSaySoInTheRefundEntry() {
		this.referrals.apply(this.account, this.history, Events.referral("c1", "friend", T0), this.out);
		this.referrals.purchased(this.account, purchase("o1", "10.00", 1));
		OrderRecord order = new OrderRecord("o1", days(1).toEpochMilli());
		order.total = new java.math.BigDecimal("10.00");
		order.refunded = order.total;
		this.history.saveOrder(order);
		this.out.add(LedgerEntry.of(PointsTransactionKind.REVERSE_EARN, -10, days(5), EntryCause.order("f1", "o1"))
			.appendTo(this.account, "Refund f1"));

		this.referrals.refunded(this.account, this.history, Events.refundAmount("c1", "o1", "f1", days(5), "10.00"),
				this.out);

		assertThat(this.account.referral.status).isEqualTo(Referral.Status.VOID);
		assertThat(this.out).singleElement()
			.extracting((entry) -> ((io.loyaltypulse.events.PointsTransaction) entry).getExplanation())
			.isEqualTo("Refund f1; the referral by customer friend is void: the first purchase was refunded in full "
					+ "within its return window");
	}

	private static PurchaseCompleted purchase(String orderId, String price, int day) {
		return Events.purchase("c1", orderId, days(day)).line("1", "GROCERY", 1, price).build();
	}

}
