package io.loyaltypulse.points.topology;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.events.PointsTierChanged;
import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.Events.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Earning rules (see PointsTestRules): 1 point per EUR, 0.9 per USD, BOOKS x2, campaigns
 * BLACK-FRIDAY (x2, store S1, 2026-11-27) and APP-WEEK (x1.5, APP, 2026-12-01..07), tier
 * SILVER x1.25 from 500 qualifying points, rounding DOWN per line.
 */
class EarningTopologyTest extends OneDriverPerTest {

	@Test
	void shouldEarnBasePointsTimesCategoryMultiplierRoundedDownPerLine() {
		this.points.send(purchase("c1", "o1", Instant.parse("2026-11-20T10:00:00Z")).line("1", "GROCERY", 2, "4.50")
			.line("2", "BOOKS", 3, "19.99")
			.build());

		PointsTransaction earn = this.points.ledgerEntries().get(0);
		// 9.00 x 1 = 9; 59.97 x 1 x 2 (BOOKS) = 119.94 -> 119
		assertThat(earn.getKind()).isEqualTo(PointsTransactionKind.EARN);
		assertThat(earn.getPoints()).isEqualTo(128);
		assertThat(earn.getOrderId()).isEqualTo("o1");
		assertThat(earn.getSourceEventId()).isEqualTo("purchase-o1");
		assertThat(earn.getExplanation()).contains("x 2 (category BOOKS)").contains("= 119 (rounded DOWN)");
	}

	@Test
	void shouldApplyACampaignOnlyInItsStoreAndTime() {
		Instant blackFriday = Instant.parse("2026-11-27T10:00:00Z");
		this.points.send(purchase("c1", "in-s1", blackFriday).store("S1")
			.line("1", "GROCERY", 2, "4.50")
			.line("2", "BOOKS", 3, "19.99")
			.build());
		this.points.send(purchase("c2", "in-s2", blackFriday).store("S2")
			.line("1", "GROCERY", 2, "4.50")
			.line("2", "BOOKS", 3, "19.99")
			.build());
		this.points.send(purchase("c3", "day-after", blackFriday.plusSeconds(86_400)).store("S1")
			.line("1", "GROCERY", 2, "4.50")
			.build());

		List<PointsTransaction> entries = this.points.ledgerEntries();
		// S1: 9 x 2 = 18; 59.97 x 2 x 2 = 239.88 -> 239
		assertThat(entries).extracting(PointsTransaction::getPoints).containsExactly(257L, 128L, 9L);
		assertThat(entries.get(0).getExplanation()).contains("x 2 (campaign BLACK-FRIDAY)");
		assertThat(entries.get(1).getExplanation()).doesNotContain("campaign");
	}

	@Test
	void shouldApplyAChannelCampaignWithADecimalMultiplier() {
		this.points.send(purchase("c1", "o1", Instant.parse("2026-12-02T10:00:00Z")).channel("APP")
			.line("1", "GROCERY", 10, "1.00")
			.line("2", "BOOKS", 1, "10.33")
			.build());

		// 10 x 1.5 = 15; 10.33 x 2 x 1.5 = 30.99 -> 30
		assertThat(this.points.ledgerEntries()).singleElement().extracting(PointsTransaction::getPoints).isEqualTo(45L);
	}

	@Test
	void shouldShareAnOrderDiscountOverTheLinesAndUseTheCurrencyRate() {
		this.points.send(purchase("c1", "o1", Instant.parse("2026-11-20T10:00:00Z")).line("1", "GROCERY", 1, "30.00")
			.line("2", "BOOKS", 1, "10.00")
			.total("36.00")
			.build());
		this.points.send(purchase("c2", "o2", Instant.parse("2026-11-20T10:00:00Z")).currency("USD")
			.line("1", "GROCERY", 1, "10.99")
			.build());

		// 30 x 36/40 = 27; 10 x 36/40 x 2 = 18; USD: 10.99 x 0.9 = 9.891 -> 9
		assertThat(this.points.ledgerEntries()).extracting(PointsTransaction::getPoints).containsExactly(45L, 9L);
	}

	@Test
	void shouldUpgradeAtOnceAndEarnWithTheNewTiersMultiplier() {
		Instant at = Instant.parse("2026-11-20T10:00:00Z");
		this.points.send(purchase("c1", "o1", at).line("1", "GROCERY", 1, "500.00").build());
		this.points.send(purchase("c1", "o2", at.plusSeconds(60)).line("1", "GROCERY", 1, "100.00").build());

		assertThat(this.points.ledgerEntries()).extracting(PointsTransaction::getPoints).containsExactly(500L, 125L);
		assertThat(this.points.tierEvents.readValuesToList()).singleElement()
			.isInstanceOfSatisfying(PointsTierChanged.class, (change) -> {
				assertThat(change.getFromTier()).isEqualTo("BASE");
				assertThat(change.getToTier()).isEqualTo("SILVER");
				assertThat(change.getUpgrade()).isTrue();
				assertThat(change.getQualifyingPoints()).isEqualTo(500);
				assertThat(change.getOccurredAt()).isEqualTo(at);
			});
	}

}
