package io.loyaltypulse.points.ledger;

import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static org.assertj.core.api.Assertions.assertThat;

class RefundOfSpentPointsTest {

	final CustomerAccount account = account();

	@Test
	void shouldTakeBackEverythingWhenNothingWasSpentUnderEitherPolicy() {
		for (NegativeBalancePolicy policy : NegativeBalancePolicy.values()) {
			RefundOfSpentPoints.Settlement settlement = new RefundOfSpentPoints(policy).settle(this.account, 40, 0);

			assertThat(settlement).as("%s", policy).isEqualTo(new RefundOfSpentPoints.Settlement(40, 0, ""));
		}
		assertThat(this.account.debt).isZero();
		assertThat(this.account.shortfall).isZero();
	}

	@Test
	void shouldTakeSpentPointsBackAnywayAsADebtUnderAllowNegative() {
		RefundOfSpentPoints.Settlement settlement = new RefundOfSpentPoints(NegativeBalancePolicy.ALLOW_NEGATIVE)
			.settle(this.account, 40, 30);

		assertThat(settlement.taken()).isEqualTo(40);
		assertThat(settlement.shortfall()).isZero();
		assertThat(settlement.note()).contains("30 of them were already spent: taken back anyway")
			.endsWith("(ALLOW_NEGATIVE)");
		assertThat(this.account.debt).isEqualTo(30);
		assertThat(this.account.shortfall).isZero();
	}

	@Test
	void shouldRecordSpentPointsAsAShortfallNeverCollectedUnderCapAtZero() {
		RefundOfSpentPoints.Settlement settlement = new RefundOfSpentPoints(NegativeBalancePolicy.CAP_AT_ZERO)
			.settle(this.account, 40, 30);

		assertThat(settlement.taken()).isEqualTo(10);
		assertThat(settlement.shortfall()).isEqualTo(30);
		assertThat(settlement.note()).contains("30 of them were already spent: not taken back")
			.endsWith("(CAP_AT_ZERO)");
		assertThat(this.account.debt).isZero();
		assertThat(this.account.shortfall).isEqualTo(30);
	}

}
