package io.loyaltypulse.churn.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.loyaltypulse.churn.alerts.AlertIds;
import io.loyaltypulse.events.ChurnSignal;
import io.loyaltypulse.support.validation.ValidationFailedException;
import io.loyaltypulse.support.validation.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * A snooze ends in the future and within {@code max-snooze}, whoever asks (the API or the
 * dashboard); only a checked action reaches the gateway.
 */
class ManagerActionsTest {

	private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

	private final AlertActionGateway gateway = mock(AlertActionGateway.class);

	private final ManagerActions actions = new ManagerActions(this.gateway, Duration.ofDays(30),
			Clock.fixed(NOW, ZoneOffset.UTC));

	private final String alertId = AlertIds.of("c-1", ChurnSignal.ARREARS, 1);

	@Test
	void shouldRefuseASnoozeThatEndsNowOrInThePast() {
		assertThatExceptionOfType(ValidationFailedException.class)
			.isThrownBy(() -> this.actions.snooze(this.alertId, "k-1", NOW, "later", "anna"))
			.satisfies((ex) -> assertThat(ex.violations())
				.containsExactly(new Violation("/until", "must be in the future")));
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldRefuseASnoozeBeyondMaxSnooze() {
		assertThatExceptionOfType(ValidationFailedException.class)
			.isThrownBy(() -> this.actions.snooze(this.alertId, "k-1", NOW.plus(Duration.ofDays(31)), "later", "anna"))
			.satisfies((ex) -> assertThat(ex.violations())
				.containsExactly(new Violation("/until", "must be at most 30 days ahead")));
		verifyNoInteractions(this.gateway);
	}

	@Test
	void shouldSendASnoozeWithinTheWindowAsTheManager() {
		this.actions.snooze(this.alertId, "k-1", NOW.plus(Duration.ofDays(30)), "on holiday", "anna");

		verify(this.gateway).send(eq("c-1"), eq(this.alertId), eq("k-1"), any(ActionBodies.Snooze.class), eq("anna"));
	}

}
