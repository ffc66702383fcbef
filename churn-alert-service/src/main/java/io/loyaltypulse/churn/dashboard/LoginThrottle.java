package io.loyaltypulse.churn.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Guessing a manager's password is slowed down:
 * {@code locked = at least maxFailures wrong passwords within the last window}; a good
 * login clears the count, attempts while locked do not count. Counted per configured user
 * only (the map cannot grow with made-up names) and per instance, in memory.
 * <p>
 * The price, accepted: whoever knows a manager's username can keep that account locked
 * with {@code maxFailures} guesses per window (the login page says how long to wait).
 * Throttling per client address instead would let a guesser with many addresses go on.
 */
final class LoginThrottle {

	private final Set<String> users;

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	LoginThrottle(Set<String> users, int maxFailures, Duration window, Clock clock) {
		this.users = Set.copyOf(users);
		this.maxFailures = maxFailures;
		this.window = window;
		this.clock = clock;
	}

	void failed(String username) {
		if (!this.users.contains(username)) {
			return;
		}
		Instant now = this.clock.instant();
		this.failures.compute(username, (user, times) -> {
			Deque<Instant> recent = (times != null) ? times : new ArrayDeque<>();
			recent.addLast(now);
			forgetBefore(recent, now.minus(this.window));
			while (recent.size() > this.maxFailures) {
				recent.removeFirst();
			}
			return recent;
		});
	}

	void succeeded(String username) {
		this.failures.remove(username);
	}

	boolean locked(String username) {
		Instant oldest = this.clock.instant().minus(this.window);
		boolean[] locked = { false };
		this.failures.computeIfPresent(username, (user, times) -> {
			forgetBefore(times, oldest);
			locked[0] = times.size() >= this.maxFailures;
			return times.isEmpty() ? null : times;
		});
		return locked[0];
	}

	private static void forgetBefore(Deque<Instant> times, Instant oldest) {
		while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
			times.removeFirst();
		}
	}

}
