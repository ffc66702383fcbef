package io.loyaltypulse.points.topology;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.ReferralQualified;
import io.loyaltypulse.events.ReviewPublished;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.Events.purchase;
import static io.loyaltypulse.points.Events.referral;
import static io.loyaltypulse.points.Events.refundAmount;
import static io.loyaltypulse.points.Events.refundLines;
import static io.loyaltypulse.points.Events.rejected;
import static io.loyaltypulse.points.Events.review;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Reviews and referrals earn their bonuses once, every abuse earns nothing and the
 * dead-letter topic says why, and a qualified referral crosses to the referrer's
 * partition through {@code points-referral-rewards}. The rules: review bonus 20, at most
 * 2 a month; referral bonus 200 for the referrer and 100 for the new customer, at most 2
 * a year per referrer; return window 30 days.
 */
class EngagementTopologyTest extends OneDriverPerTest {

	static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

	static final long DAY = 86_400;

	@Test
	void shouldPayAReviewBonusOncePerOrderLineAndSayWhyNotForEveryAbuse() {
		this.points
			.send(purchase("c1", "o1", T0).line("1", "GROCERY", 2, "10.00").line("2", "HOME", 1, "5.00").build());
		ReviewPublished review = review("c1", "rv1", "o1", "SKU-1", at(1));

		this.points.send(review)
			.send(review)
			.send(review("c1", "rv2", "o1", "SKU-1", at(2)))
			.send(rejected(review("c1", "rv3", "o1", "SKU-2", at(2))))
			.send(review("c1", "rv4", "o1", "SKU-9", at(2)))
			.send(review("c1", "rv5", "o-never", "SKU-1", at(2)));

		assertThat(this.points.ledgerEntries())
			.extracting(PointsTransaction::getKind, PointsTransaction::getPoints, PointsTransaction::getSourceEventId)
			.containsExactly(tuple(PointsTransactionKind.EARN, 25L, "purchase-o1"),
					tuple(PointsTransactionKind.BONUS, 20L, "review-rv1"));
		assertThat(this.points.engagementDeadLetterReasons()).containsExactly(
				"No review bonus for review rv2 of SKU-1 in order o1 by customer c1: line 1 of order o1 earned a "
						+ "review bonus already, for review rv1: once per order line",
				"No review bonus for review rv3 of SKU-2 in order o1 by customer c1: moderation rejected it",
				"No review bonus for review rv4 of SKU-9 in order o1 by customer c1: order o1 has no line of SKU-9: "
						+ "the item was not bought in it",
				"No review bonus for review rv5 of SKU-1 in order o-never by customer c1: no purchase of order o-never "
						+ "by this customer is known (within the order retention)");
	}

	@Test
	void shouldTakeTheReviewBonusBackWhenTheReviewedItemIsReturned() {
		this.points.send(purchase("c1", "o1", T0).line("1", "GROCERY", 2, "10.00").line("2", "HOME", 1, "5.00").build())
			.send(review("c1", "rv1", "o1", "SKU-1", at(1)))
			.send(refundLines("c1", "o1", "f1", at(3), "20.00", "1", "2"))
			.send(review("c1", "rv2", "o1", "SKU-1", at(4)));

		List<PointsTransaction> entries = this.points.ledgerEntries();
		assertThat(entries).extracting(PointsTransaction::getKind, PointsTransaction::getPoints)
			.containsExactly(tuple(PointsTransactionKind.EARN, 25L), tuple(PointsTransactionKind.BONUS, 20L),
					tuple(PointsTransactionKind.REVERSE_EARN, -20L), tuple(PointsTransactionKind.BONUS, -20L));
		assertThat(entries.getLast().getExplanation())
			.isEqualTo("Bonus for review rv1 taken back: refund f1 returned line 1 (SKU-1) of order o1");
		assertThat(entries.getLast().getBalanceAfter()).isEqualTo(5);
		assertThat(this.points.engagementDeadLetterReasons()).singleElement()
			.asString()
			.endsWith("line 1 of order o1 earned a review bonus already, for review rv1: once per order line");
	}

	@Test
	void shouldPayAtMostTheMonthlyNumberOfReviewBonuses() {
		this.points.send(purchase("c1", "o1", T0).line("1", "GROCERY", 1, "10.00")
			.line("2", "GROCERY", 1, "10.00")
			.line("3", "GROCERY", 1, "10.00")
			.build());

		this.points.send(review("c1", "rv1", "o1", "SKU-1", at(1)))
			.send(review("c1", "rv2", "o1", "SKU-2", at(2)))
			.send(review("c1", "rv3", "o1", "SKU-3", at(3)))
			.send(review("c1", "rv4", "o1", "SKU-3", at(30)));

		assertThat(this.points.ledgerEntries()).filteredOn((entry) -> entry.getKind() == PointsTransactionKind.BONUS)
			.extracting(PointsTransaction::getSourceEventId)
			.containsExactly("review-rv1", "review-rv2", "review-rv4");
		assertThat(this.points.engagementDeadLetterReasons()).singleElement()
			.asString()
			.endsWith("the limit of 2 review bonuses a month is reached (loyalty.points.max-review-bonuses-per-month)");
	}

	@Test
	void shouldPayBothCustomersOnceTheFirstPurchaseIsPastItsReturnWindowCrossingToTheReferrersPartition() {
		this.points.send(referral("new-1", "friend", T0))
			.send(purchase("new-1", "o1", at(1)).line("1", "GROCERY", 1, "40.00").build())
			.send(purchase("new-1", "o2", at(2)).line("1", "GROCERY", 1, "10.00").build());

		this.points.wallClockTo(at(30));
		assertThat(this.points.ledgerEntries()).extracting(PointsTransaction::getKind)
			.as("still in the return window")
			.containsExactly(PointsTransactionKind.EARN, PointsTransactionKind.EARN);

		this.points.wallClockTo(at(32));
		List<TestRecord<String, ReferralQualified>> rewards = this.points.referralRewards.readRecordsToList();
		assertThat(rewards).singleElement().satisfies((reward) -> {
			assertThat(reward.key()).isEqualTo("friend");
			assertThat(reward.value().getReferredCustomerId()).isEqualTo("new-1");
			assertThat(reward.value().getOrderId()).isEqualTo("o1");
			assertThat(reward.timestamp()).isEqualTo(at(31).toEpochMilli());
		});
		List<PointsTransaction> bonuses = this.points.ledgerEntries();
		assertThat(bonuses)
			.extracting(PointsTransaction::getCustomerId, PointsTransaction::getKind, PointsTransaction::getPoints,
					PointsTransaction::getOccurredAt)
			.containsExactly(tuple("new-1", PointsTransactionKind.BONUS, 100L, at(31)),
					tuple("friend", PointsTransactionKind.BONUS, 200L, at(31)));
		assertThat(bonuses.get(1).getExplanation()).isEqualTo("Bonus for referring customer new-1: their first "
				+ "purchase, order o1, passed its return window without a full refund: 200 points");

		this.points.wallClockTo(at(400));
		assertThat(this.points.ledgerEntries()).as("once, then only the lots' expiry")
			.extracting(PointsTransaction::getKind)
			.containsOnly(PointsTransactionKind.EXPIRE);
		assertThat(this.points.referralRewards.readRecordsToList()).isEmpty();
	}

	@Test
	void shouldRefuseSelfReferralsSecondReferralsAndExistingCustomersSayingWhy() {
		this.points.send(purchase("old", "o1", T0).line("1", "GROCERY", 1, "10.00").build())
			.send(referral("c1", "c1", T0))
			.send(referral("c2", "friend", T0))
			.send(referral("c2", "other", at(1)))
			.send(referral("old", "friend", at(1)));

		assertThat(this.points.engagementDeadLetterReasons()).containsExactly(
				"Referral referral-c1-by-c1 of customer c1 by customer c1 refused: nobody can refer themself",
				"Referral referral-c2-by-other of customer c2 by customer other refused: they were referred already, "
						+ "by customer friend (event referral-c2-by-friend): a customer is referred once",
				"Referral referral-old-by-friend of customer old by customer friend refused: they bought before: a "
						+ "referral is for new customers");
	}

	@Test
	void shouldPayNobodyWhenTheFirstPurchaseIsRefundedInFullWithinItsReturnWindow() {
		this.points.send(referral("new-1", "friend", T0))
			.send(purchase("new-1", "o1", at(1)).line("1", "GROCERY", 1, "40.00").build())
			.send(refundAmount("new-1", "o1", "f1", at(20), "40.00"))
			.send(purchase("new-1", "o2", at(21)).line("1", "GROCERY", 1, "10.00").build());

		this.points.wallClockTo(at(100));

		List<PointsTransaction> entries = this.points.ledgerEntries();
		assertThat(entries).extracting(PointsTransaction::getKind)
			.containsExactly(PointsTransactionKind.EARN, PointsTransactionKind.REVERSE_EARN,
					PointsTransactionKind.EARN);
		assertThat(entries.get(1).getExplanation()).endsWith("; the referral by customer friend is void: the first "
				+ "purchase was refunded in full within its return window");
		assertThat(this.points.referralRewards.readRecordsToList()).isEmpty();
	}

	@Test
	void shouldPayAReferrerAtMostTheYearlyNumberOfReferralBonusesAndSayWhy() {
		for (String newCustomer : List.of("new-1", "new-2", "new-3")) {
			this.points.send(referral(newCustomer, "friend", T0))
				.send(purchase(newCustomer, "o-" + newCustomer, at(1)).line("1", "GROCERY", 1, "10.00").build());
		}

		this.points.wallClockTo(at(40));

		assertThat(this.points.ledgerEntries()).filteredOn((entry) -> entry.getKind() == PointsTransactionKind.BONUS)
			.extracting(PointsTransaction::getCustomerId, PointsTransaction::getPoints)
			.containsExactlyInAnyOrder(tuple("new-1", 100L), tuple("new-2", 100L), tuple("new-3", 100L),
					tuple("friend", 200L), tuple("friend", 200L));
		assertThat(this.points.referralRewardDeadLetterReasons()).singleElement()
			.asString()
			.isEqualTo("No referral bonus for customer friend for referring customer new-3: the limit of 2 referral "
					+ "bonuses a year is reached (loyalty.points.max-referral-bonuses-per-year)");
	}

	private static Instant at(long days) {
		return T0.plusSeconds(days * DAY);
	}

}
