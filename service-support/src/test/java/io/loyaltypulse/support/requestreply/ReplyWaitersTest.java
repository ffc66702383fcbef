package io.loyaltypulse.support.requestreply;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyWaitersTest {

	private final ReplyWaiters<Reply> waiters = Reply.waiters();

	@Test
	void shouldAnswerEveryCallWaitingForTheSameRequest() {
		ReplyWaiters<Reply>.Waiter first = this.waiters.register("r-1", "attempt-1");
		ReplyWaiters<Reply>.Waiter second = this.waiters.register("r-1", "attempt-1");
		Reply outcome = Reply.approved("r-1");

		this.waiters.complete(outcome);

		assertThat(first.outcome()).isCompletedWithValue(outcome);
		assertThat(second.outcome()).isCompletedWithValue(outcome);
	}

	@Test
	void shouldKeepTheOtherCallsWaiterWhenOneCallGivesUp() {
		ReplyWaiters<Reply>.Waiter gaveUp = this.waiters.register("r-1", "attempt-1");
		ReplyWaiters<Reply>.Waiter stillWaiting = this.waiters.register("r-1", "attempt-1");

		gaveUp.close();
		Reply outcome = Reply.decided("r-1", 2, "IDEMPOTENCY_CONFLICT");
		this.waiters.complete(outcome);

		assertThat(stillWaiting.outcome()).isCompletedWithValue(outcome);
		assertThat(gaveUp.outcome()).isNotDone();
	}

	@Test
	void shouldAnswerALaterCallWithTheNextOutcomeNotAnEarlierOne() {
		ReplyWaiters<Reply>.Waiter early = this.waiters.register("r-1", "attempt-1");
		Reply first = Reply.decided("r-1", 1, "APPROVED");
		this.waiters.complete(first);
		ReplyWaiters<Reply>.Waiter late = this.waiters.register("r-1", "attempt-1");

		assertThat(late.outcome()).isNotDone();
		Reply second = Reply.decided("r-1", 2, "IDEMPOTENCY_CONFLICT");
		this.waiters.complete(second);

		assertThat(early.outcome()).isCompletedWithValue(first);
		assertThat(late.outcome()).isCompletedWithValue(second);
	}

	@Test
	void shouldNotAnswerCallsWaitingForAnotherRequest() {
		ReplyWaiters<Reply>.Waiter other = this.waiters.register("r-2", "attempt-1");

		this.waiters.complete(Reply.approved("r-1"));

		assertThat(other.outcome()).isNotDone();
	}

	@Test
	void shouldAnswerEachCallWithTheOutcomeThatEchoesItsAttempt() {
		ReplyWaiters<Reply>.Waiter first = this.waiters.register("r-1", "attempt-1");
		ReplyWaiters<Reply>.Waiter second = this.waiters.register("r-1", "attempt-2");

		this.waiters.complete(Reply.approved("r-1").echoing("attempt-2"));

		assertThat(second.outcome()).isCompleted();
		assertThat(first.outcome()).as("another call's outcome does not answer this one").isNotDone();
		assertThat(this.waiters.waiting("r-1")).isOne();
	}

	@Test
	void shouldForgetARequestOnceItsLastWaiterIsClosed() {
		ReplyWaiters<Reply>.Waiter first = this.waiters.register("r-1", "attempt-1");
		ReplyWaiters<Reply>.Waiter second = this.waiters.register("r-1", "attempt-1");
		assertThat(this.waiters.waiting("r-1")).isEqualTo(2);

		first.close();
		assertThat(this.waiters.waiting("r-1")).isEqualTo(1);
		second.close();
		second.close();

		assertThat(this.waiters.waiting("r-1")).isZero();
	}

}
