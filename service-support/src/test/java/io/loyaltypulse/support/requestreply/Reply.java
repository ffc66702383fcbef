package io.loyaltypulse.support.requestreply;

/**
 * A reply for the request/reply tests: the request it answers, the attempt it echoes (or
 * null, as a reply to a request of an older release), and a decision to tell replies
 * apart.
 */
record Reply(String requestId, String attemptId, String decision) {

	static Reply approved(String requestId) {
		return new Reply(requestId, null, "APPROVED");
	}

	static Reply decided(String requestId, int answer, String decision) {
		return new Reply(requestId, null, decision + "#" + answer);
	}

	Reply echoing(String attempt) {
		return new Reply(this.requestId, attempt, this.decision);
	}

	static ReplyWaiters<Reply> waiters() {
		return new ReplyWaiters<>(Reply::requestId, Reply::attemptId);
	}

}
