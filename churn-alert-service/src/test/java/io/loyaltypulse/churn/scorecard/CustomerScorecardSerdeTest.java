package io.loyaltypulse.churn.scorecard;

import java.math.BigDecimal;

import io.loyaltypulse.events.PointsTransactionKind;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.churn.scorecard.ScorecardEvents.order;
import static io.loyaltypulse.churn.scorecard.ScorecardEvents.points;
import static io.loyaltypulse.churn.scorecard.ScorecardEvents.refund;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerScorecardSerdeTest {

	private final ScorecardRules rules = new ScorecardRules("EUR", 8);

	@Test
	void shouldReadBackWhatItWroteWithTheSameContributions() {
		CustomerScorecard scorecard = new CustomerScorecard();
		this.rules.apply(scorecard, order("c-1", "o-1", ScorecardRulesTest.JAN, "S1", "north", "40.00", "EUR"));
		this.rules.apply(scorecard, order("c-1", "o-2", ScorecardRulesTest.MAY, "S2", null, "12.34", "USD"));
		this.rules.apply(scorecard, refund("c-1", "r-1", "o-1", ScorecardRulesTest.FEB, "5.00"));
		this.rules.apply(scorecard, refund("c-1", "r-2", "o-9", ScorecardRulesTest.FEB, "5.00"));
		this.rules.apply(scorecard, points("c-1", 1, PointsTransactionKind.EARN, ScorecardRulesTest.JAN));
		CustomerScorecardSerde serde = new CustomerScorecardSerde((size) -> {
		});

		CustomerScorecard read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", scorecard));

		assertThat(this.rules.contributions(read)).isEqualTo(this.rules.contributions(scorecard));
		assertThat(read.pendingRefunds()).containsExactlyElementsOf(scorecard.pendingRefunds());
		assertThat(read.firstOrderId()).isEqualTo("o-1");
		assertThat(serde.serializer().serialize("t", read)).isEqualTo(serde.serializer().serialize("t", scorecard));
	}

	@Test
	void shouldReadBackSignedFigures() {
		FiguresSerde serde = new FiguresSerde((size) -> {
		});
		Figures delta = new Figures(-1, 0, -2, 1, 0, -1, new BigDecimal("-12.3400"), 1);

		assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", delta))).isEqualTo(delta);
	}

}
