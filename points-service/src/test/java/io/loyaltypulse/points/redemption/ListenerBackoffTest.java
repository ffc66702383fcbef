package io.loyaltypulse.points.redemption;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ListenerBackoffTest {

	@Test
	void shouldDoubleThePauseUpToTheBound() {
		ListenerBackoff backoff = new ListenerBackoff(Duration.ofMillis(100), Duration.ofMillis(500));

		assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
		assertThat(backoff.next()).isEqualTo(Duration.ofMillis(200));
		assertThat(backoff.next()).isEqualTo(Duration.ofMillis(400));
		assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
		assertThat(backoff.next()).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void shouldStartAgainFromTheFirstPauseAfterAReset() {
		ListenerBackoff backoff = new ListenerBackoff(Duration.ofMillis(100), Duration.ofSeconds(10));
		backoff.next();
		backoff.next();

		backoff.reset();

		assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void shouldRejectAPauseThatCannotGrowOrIsZero() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ListenerBackoff(Duration.ZERO, Duration.ofSeconds(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ListenerBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
	}

}
