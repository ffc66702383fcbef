package io.loyaltypulse.points.ledger;

import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsTransaction;
import io.loyaltypulse.events.PointsTransactionKind;
import io.loyaltypulse.events.SurveyResponded;
import io.loyaltypulse.points.Events;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.T0;
import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static io.loyaltypulse.points.ledger.LedgerFixtures.days;
import static org.assertj.core.api.Assertions.assertThat;

class SurveyBonusTest {

	final CustomerAccount account = account();

	final InMemoryHistory history = new InMemoryHistory();

	final List<SpecificRecord> out = new ArrayList<>();

	@Test
	void shouldCreditTheBonusAvailableAtOnce() {
		bonus(50).apply(this.account, this.history, Events.survey("c1", "nps-q1", "r1", T0), this.out);

		assertThat(this.out).singleElement().isInstanceOfSatisfying(PointsTransaction.class, (entry) -> {
			assertThat(entry.getKind()).isEqualTo(PointsTransactionKind.BONUS);
			assertThat(entry.getPoints()).isEqualTo(50);
			assertThat(entry.getAvailableAfter()).isEqualTo(50);
			assertThat(entry.getSourceEventId()).isEqualTo("survey-r1");
			assertThat(entry.getExplanation())
				.isEqualTo("Bonus for answering survey nps-q1: 50 points, once per survey");
		});
	}

	@Test
	void shouldPayOncePerSurvey() {
		SurveyBonus bonus = bonus(50);
		bonus.apply(this.account, this.history, Events.survey("c1", "nps-q1", "r1", T0), this.out);
		bonus.apply(this.account, this.history, Events.survey("c1", "nps-q1", "r2", days(1)), this.out);
		bonus.apply(this.account, this.history, Events.survey("c1", "nps-q2", "r3", days(2)), this.out);

		assertThat(this.out).extracting((entry) -> ((PointsTransaction) entry).getSourceEventId())
			.containsExactly("survey-r1", "survey-r3");
	}

	@Test
	void shouldChangeNothingWhenTheAnswerIsDeliveredAgain() {
		SurveyResponded answer = Events.survey("c1", "nps-q1", "r1", T0);
		bonus(50).apply(this.account, this.history, answer, this.out);
		this.out.clear();

		bonus(50).apply(this.account, this.history, answer, this.out);

		assertThat(this.out).isEmpty();
	}

	@Test
	void shouldPayNothingWhenTheBonusIsZero() {
		bonus(0).apply(this.account, this.history, Events.survey("c1", "nps-q1", "r1", T0), this.out);

		assertThat(this.out).isEmpty();
		assertThat(this.history.firstBonusFor("nps-q1", T0)).as("a bonus switched on later is still paid once")
			.isTrue();
	}

	private static SurveyBonus bonus(long points) {
		return new SurveyBonus(points, LedgerFixtures.lots(), LedgerFixtures.timeline());
	}

}
