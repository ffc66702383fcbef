package io.loyaltypulse.points.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.ReviewPublished;
import io.loyaltypulse.points.Events;
import io.loyaltypulse.points.InvalidEventException;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.T0;
import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static io.loyaltypulse.points.ledger.LedgerFixtures.days;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewBonusTest {

	final CustomerAccount account = account();

	final InMemoryHistory history = new InMemoryHistory();

	final List<SpecificRecord> out = new ArrayList<>();

	final OrderRecord order = new OrderRecord("o1", T0.toEpochMilli());

	ReviewBonusTest() {
		this.order.earnEventId = "purchase-o1";
		this.order.earnedAt = T0.toEpochMilli();
		this.order.total = new BigDecimal("100.00");
		this.order.currency = "EUR";
		this.order.lines.put("1", new OrderRecord.LineRecord(2, 60, "SKU-1"));
		this.order.lines.put("2", new OrderRecord.LineRecord(1, 40, "SKU-2"));
		this.history.saveOrder(this.order);
	}

	@Test
	void shouldCreditTheBonusForAPublishedReviewOfABoughtItemAvailableAtOnce() {
		bonus(2).apply(this.account, this.history, review("rv1", "SKU-1", 1), this.out);

		assertThat(this.out).singleElement().isInstanceOfSatisfying(PointsTransaction.class, (entry) -> {
			assertThat(entry.getKind()).isEqualTo(PointsTransactionKind.BONUS);
			assertThat(entry.getPoints()).isEqualTo(20);
			assertThat(entry.getAvailableAfter()).isEqualTo(20);
			assertThat(entry.getOrderId()).isEqualTo("o1");
			assertThat(entry.getExplanation()).isEqualTo(
					"Bonus for review rv1 of SKU-1 (line 1 of order o1, 5 stars): 20 points, once per order line");
		});
		assertThat(this.history.order("o1").lines.get("1").reviewId).isEqualTo("rv1");
	}

	@Test
	void shouldPayOncePerOrderLineAndSayWhyNotTwice() {
		bonus(5).apply(this.account, this.history, review("rv1", "SKU-1", 1), this.out);

		assertThatThrownBy(() -> bonus(5).apply(this.account, this.history, review("rv2", "SKU-1", 2), this.out))
			.isInstanceOf(InvalidEventException.class)
			.hasMessage("No review bonus for review rv2 of SKU-1 in order o1 by customer c1: line 1 of order o1 "
					+ "earned a review bonus already, for review rv1: once per order line");
	}

	@Test
	void shouldChangeNothingWhenTheReviewIsDeliveredAgain() {
		ReviewPublished review = review("rv1", "SKU-1", 1);
		bonus(5).apply(this.account, this.history, review, this.out);
		this.out.clear();

		bonus(5).apply(this.account, this.history, review, this.out);

		assertThat(this.out).isEmpty();
	}

	@Test
	void shouldRefuseARejectedReviewAnUnboughtItemAndAnUnknownOrder() {
		assertThatThrownBy(
				() -> bonus(5).apply(this.account, this.history, Events.rejected(review("rv1", "SKU-1", 1)), this.out))
			.hasMessageEndingWith(": moderation rejected it");
		assertThatThrownBy(() -> bonus(5).apply(this.account, this.history, review("rv2", "SKU-9", 1), this.out))
			.hasMessageEndingWith(": order o1 has no line of SKU-9: the item was not bought in it");
		assertThatThrownBy(() -> bonus(5).apply(this.account, this.history,
				Events.review("c1", "rv3", "o-unknown", "SKU-1", days(1)), this.out))
			.hasMessageEndingWith(
					": no purchase of order o-unknown by this customer is known (within the order retention)");
		assertThat(this.out).isEmpty();
	}

	@Test
	void shouldRefuseAReviewOfAReturnedItem() {
		this.order.lines.get("2").refundedQuantity = 1;

		assertThatThrownBy(() -> bonus(5).apply(this.account, this.history, review("rv1", "SKU-2", 1), this.out))
			.hasMessageEndingWith(": line 2 of order o1 was returned");
	}

	@Test
	void shouldPayAtMostTheMonthlyLimitAndAgainNextMonth() {
		this.order.lines.put("3", new OrderRecord.LineRecord(1, 10, "SKU-3"));
		ReviewBonus bonus = bonus(2);
		bonus.apply(this.account, this.history, review("rv1", "SKU-1", 1), this.out);
		bonus.apply(this.account, this.history, review("rv2", "SKU-2", 2), this.out);

		assertThatThrownBy(() -> bonus.apply(this.account, this.history, review("rv3", "SKU-3", 3), this.out))
			.hasMessageEndingWith(
					": the limit of 2 review bonuses a month is reached (loyalty.points.max-review-bonuses-per-month)");
		bonus.apply(this.account, this.history, review("rv4", "SKU-3", 31), this.out);
		assertThat(this.out).hasSize(3);
	}

	@Test
	void shouldTakeTheBonusBackWhenTheRefundReturnsTheLine() {
		ReviewBonus bonus = bonus(5);
		bonus.apply(this.account, this.history, review("rv1", "SKU-1", 1), this.out);
		this.order.lines.get("1").refundedQuantity = 1;
		bonus.takeBack(this.account, this.history, Events.refundLines("c1", "o1", "f1", days(2), "30.00", "1", "1"),
				this.out);
		assertThat(this.out).as("one unit of two is still kept").hasSize(1);

		this.order.lines.get("1").refundedQuantity = 2;
		bonus.takeBack(this.account, this.history, Events.refundLines("c1", "o1", "f2", days(3), "30.00", "1", "1"),
				this.out);
		bonus.takeBack(this.account, this.history, Events.refundLines("c1", "o1", "f2", days(3), "30.00", "1", "1"),
				this.out);

		assertThat(this.out).hasSize(2);
		assertThat((PointsTransaction) this.out.getLast()).satisfies((entry) -> {
			assertThat(entry.getKind()).isEqualTo(PointsTransactionKind.BONUS);
			assertThat(entry.getPoints()).isEqualTo(-20);
			assertThat(entry.getBalanceAfter()).isZero();
			assertThat(entry.getExplanation())
				.isEqualTo("Bonus for review rv1 taken back: refund f2 returned line 1 (SKU-1) of order o1");
		});
	}

	@Test
	void shouldPayNothingAndRefuseNothingWhenTheBonusIsZero() {
		new ReviewBonus(new EngagementBonuses(0, 2, 200, 100, 2), LedgerFixtures.lots(), LedgerFixtures.timeline(),
				new RefundOfSpentPoints(NegativeBalancePolicy.ALLOW_NEGATIVE))
			.apply(this.account, this.history, Events.rejected(review("rv1", "SKU-1", 1)), this.out);

		assertThat(this.out).isEmpty();
	}

	private static ReviewPublished review(String reviewId, String sku, int day) {
		return Events.review("c1", reviewId, "o1", sku, days(day));
	}

	private static ReviewBonus bonus(int perMonth) {
		return new ReviewBonus(new EngagementBonuses(20, perMonth, 200, 100, 2), LedgerFixtures.lots(),
				LedgerFixtures.timeline(), new RefundOfSpentPoints(NegativeBalancePolicy.ALLOW_NEGATIVE));
	}

}
