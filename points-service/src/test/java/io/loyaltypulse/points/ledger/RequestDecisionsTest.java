package io.loyaltypulse.points.ledger;

import java.util.ArrayList;
import java.util.List;

import io.loyaltypulse.events.PointsRequestKind;
import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.events.PointsRequestStatus;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static io.loyaltypulse.points.ledger.LedgerFixtures.T0;
import static io.loyaltypulse.points.ledger.LedgerFixtures.account;
import static io.loyaltypulse.points.ledger.LedgerFixtures.availableLot;
import static io.loyaltypulse.points.ledger.LedgerFixtures.days;
import static org.assertj.core.api.Assertions.assertThat;

class RequestDecisionsTest {

	static final Request REQUEST = new Request("redeem-c1-k1", "call-1", PointsRequestKind.REDEMPTION, 60,
			"R|60|null|null");

	final RequestDecisions decisions = new RequestDecisions();

	final CustomerAccount account = account();

	final InMemoryHistory history = new InMemoryHistory();

	final List<SpecificRecord> out = new ArrayList<>();

	@Test
	void shouldLeaveARequestNotDecidedBeforeToItsRule() {
		assertThat(this.decisions.answerAgain(this.account, this.history, REQUEST, T0, this.out)).isFalse();
		assertThat(this.out).isEmpty();
	}

	@Test
	void shouldAnswerARetryWithTheFirstOutcomeWhateverHappenedSince() {
		availableLot(this.account, 40, 365);
		this.decisions.decide(this.account, this.history, REQUEST, T0, PointsRequestStatus.APPROVED, "c1:2",
				"Redemption of 60 points", this.out);
		availableLot(this.account, 1000, 365);

		boolean answered = this.decisions.answerAgain(this.account, this.history,
				new Request("redeem-c1-k1", "call-2", PointsRequestKind.REDEMPTION, 60, "R|60|null|null"), days(1),
				this.out);

		assertThat(answered).isTrue();
		PointsRequestOutcome first = (PointsRequestOutcome) this.out.get(0);
		PointsRequestOutcome again = (PointsRequestOutcome) this.out.get(1);
		assertThat(again.getEventId()).isEqualTo("redeem-c1-k1:outcome:2");
		assertThat(again.getStatus()).isEqualTo(PointsRequestStatus.APPROVED);
		assertThat(again.getTransactionId()).isEqualTo("c1:2");
		assertThat(again.getAvailableAfter()).as("as right after the decision").isEqualTo(40);
		assertThat(again.getExplanation()).isEqualTo(first.getExplanation());
		assertThat(again.getAttemptId()).as("the call that retried").isEqualTo("call-2");
		assertThat(again.getOccurredAt()).isEqualTo(days(1));
	}

	@Test
	void shouldAnswerAnotherBodyUnderTheSameKeyWithAnIdempotencyConflict() {
		this.decisions.decide(this.account, this.history, REQUEST, T0, PointsRequestStatus.INSUFFICIENT_POINTS, null,
				"60 points requested, 0 available", this.out);

		this.decisions.answerAgain(this.account, this.history,
				new Request("redeem-c1-k1", "call-2", PointsRequestKind.REDEMPTION, 70, "R|70|null|null"), days(1),
				this.out);

		assertThat(this.out.get(1)).isInstanceOfSatisfying(PointsRequestOutcome.class, (conflict) -> {
			assertThat(conflict.getStatus()).isEqualTo(PointsRequestStatus.IDEMPOTENCY_CONFLICT);
			assertThat(conflict.getPoints()).as("what this call asked").isEqualTo(70);
			assertThat(conflict.getTransactionId()).isNull();
			assertThat(conflict.getExplanation()).contains("already used for another request; nothing changed");
		});
	}

	@Test
	void shouldGiveEveryAnswerAnIdOfItsOwn() {
		this.decisions.decide(this.account, this.history, REQUEST, T0, PointsRequestStatus.INVALID, null, "no",
				this.out);
		this.decisions.answerAgain(this.account, this.history, REQUEST, days(1), this.out);
		this.decisions.answerAgain(this.account, this.history, REQUEST, days(2), this.out);

		assertThat(this.out).extracting((outcome) -> ((PointsRequestOutcome) outcome).getEventId())
			.containsExactly("redeem-c1-k1:outcome:1", "redeem-c1-k1:outcome:2", "redeem-c1-k1:outcome:3");
	}

}
