package io.loyaltypulse.support.requestreply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * The calls of this instance that wait for a reply, one waiter per call. Several calls
 * can wait for the same request id at once (a client retrying before its first call
 * returned, or the same idempotency key sent with two bodies): each gets its own waiter,
 * so every one of them is answered, and a call that gives up removes only its own.
 * <p>
 * Rule: a waiter completes with the outcome that echoes its call's attempt id, so a call
 * learns the answer to its own body even when another call sent a different body under
 * the same key at the same moment. A reply without an attempt id (written for a request
 * from an older release) completes every waiter registered so far for its request id.
 *
 * @param <R> the reply
 */
public final class ReplyWaiters<R> {

	private final ConcurrentMap<String, Set<Waiter>> byRequestId = new ConcurrentHashMap<>();

	private final Function<R, String> requestIdOf;

	private final Function<R, String> attemptIdOf;

	/**
	 * @param requestIdOf the id of the request a reply answers
	 * @param attemptIdOf the attempt id a reply echoes, or null
	 */
	public ReplyWaiters(Function<R, String> requestIdOf, Function<R, String> attemptIdOf) {
		this.requestIdOf = requestIdOf;
		this.attemptIdOf = attemptIdOf;
	}

	/**
	 * Registers a call's interest in the next outcome of a request; do it before sending
	 * the request, so that a fast outcome is not missed, and close the waiter when the
	 * call ends.
	 */
	public Waiter register(String requestId, String attemptId) {
		Waiter waiter = new Waiter(requestId, attemptId);
		// All changes to a set happen inside compute, under the map's lock for that key.
		this.byRequestId.compute(requestId, (id, waiters) -> {
			Set<Waiter> set = (waiters != null) ? waiters : new HashSet<>();
			set.add(waiter);
			return set;
		});
		return waiter;
	}

	/**
	 * Completes the waiters of the reply's request that it answers.
	 */
	public void complete(R outcome) {
		List<Waiter> answered = new ArrayList<>();
		String attemptId = this.attemptIdOf.apply(outcome);
		this.byRequestId.computeIfPresent(this.requestIdOf.apply(outcome), (id, waiters) -> {
			for (Waiter waiter : waiters) {
				if (attemptId == null || attemptId.equals(waiter.attemptId)) {
					answered.add(waiter);
				}
			}
			waiters.removeAll(answered);
			return waiters.isEmpty() ? null : waiters;
		});
		answered.forEach((waiter) -> waiter.outcome.complete(outcome));
	}

	public int waiting(String requestId) {
		Set<Waiter> waiters = this.byRequestId.get(requestId);
		return (waiters != null) ? waiters.size() : 0;
	}

	private void remove(Waiter waiter) {
		this.byRequestId.computeIfPresent(waiter.requestId, (id, waiters) -> {
			waiters.remove(waiter);
			return waiters.isEmpty() ? null : waiters;
		});
	}

	/**
	 * One call's wait for an outcome. Identity equality: two calls for the same request
	 * are two waiters.
	 */
	public final class Waiter implements AutoCloseable {

		private final String requestId;

		private final String attemptId;

		private final CompletableFuture<R> outcome = new CompletableFuture<>();

		private Waiter(String requestId, String attemptId) {
			this.requestId = requestId;
			this.attemptId = attemptId;
		}

		public CompletableFuture<R> outcome() {
			return this.outcome;
		}

		@Override
		public void close() {
			remove(this);
		}

	}

}
