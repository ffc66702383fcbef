package io.loyaltypulse.points.redemption;

import io.loyaltypulse.events.PointsRequestOutcome;
import io.loyaltypulse.events.PointsRequestStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeWaitersTest {

	private final OutcomeWaiters waiters = new OutcomeWaiters();

	@Test
	void shouldAnswerEveryCallWaitingForTheSameRequest() {
		OutcomeWaiters.Waiter first = this.waiters.register("r-1", "attempt-1");
		OutcomeWaiters.Waiter second = this.waiters.register("r-1", "attempt-1");
		PointsRequestOutcome outcome = Outcomes.approved("r-1");

		this.waiters.complete(outcome);

		assertThat(first.outcome()).isCompletedWithValue(outcome);
		assertThat(second.outcome()).isCompletedWithValue(outcome);
	}

	@Test
	void shouldKeepTheOtherCallsWaiterWhenOneCallGivesUp() {
		OutcomeWaiters.Waiter gaveUp = this.waiters.register("r-1", "attempt-1");
		OutcomeWaiters.Waiter stillWaiting = this.waiters.register("r-1", "attempt-1");

		gaveUp.close();
		PointsRequestOutcome outcome = Outcomes.outcome("r-1", 2, PointsRequestStatus.IDEMPOTENCY_CONFLICT);
		this.waiters.complete(outcome);

		assertThat(stillWaiting.outcome()).isCompletedWithValue(outcome);
		assertThat(gaveUp.outcome()).isNotDone();
	}

	@Test
	void shouldAnswerALaterCallWithTheNextOutcomeNotAnEarlierOne() {
		OutcomeWaiters.Waiter early = this.waiters.register("r-1", "attempt-1");
		PointsRequestOutcome first = Outcomes.outcome("r-1", 1, PointsRequestStatus.APPROVED);
		this.waiters.complete(first);
		OutcomeWaiters.Waiter late = this.waiters.register("r-1", "attempt-1");

		assertThat(late.outcome()).isNotDone();
		PointsRequestOutcome second = Outcomes.outcome("r-1", 2, PointsRequestStatus.IDEMPOTENCY_CONFLICT);
		this.waiters.complete(second);

		assertThat(early.outcome()).isCompletedWithValue(first);
		assertThat(late.outcome()).isCompletedWithValue(second);
	}

	@Test
	void shouldNotAnswerCallsWaitingForAnotherRequest() {
		OutcomeWaiters.Waiter other = this.waiters.register("r-2", "attempt-1");

		this.waiters.complete(Outcomes.approved("r-1"));

		assertThat(other.outcome()).isNotDone();
	}

	@Test
	void shouldAnswerEachCallWithTheOutcomeThatEchoesItsAttempt() {
		OutcomeWaiters.Waiter first = this.waiters.register("r-1", "attempt-1");
		OutcomeWaiters.Waiter second = this.waiters.register("r-1", "attempt-2");

		this.waiters
			.complete(PointsRequestOutcome.newBuilder(Outcomes.approved("r-1")).setAttemptId("attempt-2").build());

		assertThat(second.outcome()).isCompleted();
		assertThat(first.outcome()).as("another call's outcome does not answer this one").isNotDone();
		assertThat(this.waiters.waiting("r-1")).isOne();
	}

	@Test
	void shouldForgetARequestOnceItsLastWaiterIsClosed() {
		OutcomeWaiters.Waiter first = this.waiters.register("r-1", "attempt-1");
		OutcomeWaiters.Waiter second = this.waiters.register("r-1", "attempt-1");
		assertThat(this.waiters.waiting("r-1")).isEqualTo(2);

		first.close();
		assertThat(this.waiters.waiting("r-1")).isEqualTo(1);
		second.close();
		second.close();

		assertThat(this.waiters.waiting("r-1")).isZero();
	}

}
