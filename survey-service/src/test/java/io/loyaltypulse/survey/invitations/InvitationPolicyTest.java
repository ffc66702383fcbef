package io.loyaltypulse.survey.invitations;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InvitationPolicyTest {

	static final Instant PURCHASED = Instant.parse("2026-11-01T10:00:00Z");

	final InvitationPolicy policy = new InvitationPolicy(Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(2));

	@Test
	void shouldMakeAnInvitationDueInviteAfterThePurchase() {
		assertThat(this.policy.schedule(CustomerInvitations.NONE, purchase("p-1", PURCHASED), PURCHASED))
			.hasValueSatisfying((pending) -> {
				assertThat(pending.dueAt()).isEqualTo(Instant.parse("2026-11-08T10:00:00Z"));
				assertThat(pending.purchaseEventId()).isEqualTo("p-1");
			});
	}

	@Test
	void shouldMakeNoSecondInvitationWhileOneIsPendingNorOneForABackfilledPurchase() {
		CustomerInvitations pending = CustomerInvitations.NONE.withPending(
				this.policy.schedule(CustomerInvitations.NONE, purchase("p-1", PURCHASED), PURCHASED).orElseThrow());

		assertThat(this.policy.schedule(pending, purchase("p-2", PURCHASED.plusSeconds(60)), PURCHASED)).isEmpty();
		Instant now = PURCHASED.plus(Duration.ofDays(9)).plusSeconds(1);
		assertThat(this.policy.schedule(CustomerInvitations.NONE, purchase("p-old", PURCHASED), now))
			.as("fell due more than 2 days ago")
			.isEmpty();
		assertThat(this.policy.schedule(CustomerInvitations.NONE, purchase("p-late", PURCHASED),
				PURCHASED.plus(Duration.ofDays(9))))
			.isPresent();
	}

	@Test
	void shouldInviteUnlessInvitedWithinTheMinimumIntervalOrAComplaintIsOpen() {
		CustomerInvitations due = CustomerInvitations.NONE.withPending(pending(PURCHASED.plus(Duration.ofDays(7))));

		assertThat(this.policy.atDueTime(due)).isEqualTo(InvitationPolicy.Outcome.INVITE);
		assertThat(this.policy.atDueTime(due.invited(PURCHASED.minus(Duration.ofDays(82))).withPending(due.pending())))
			.isEqualTo(InvitationPolicy.Outcome.RATE_LIMITED);
		assertThat(this.policy.atDueTime(due.invited(PURCHASED.minus(Duration.ofDays(83))).withPending(due.pending())))
			.as("exactly 90 days later")
			.isEqualTo(InvitationPolicy.Outcome.INVITE);
		assertThat(this.policy.atDueTime(due.complaintFiled("cmp-1")))
			.isEqualTo(InvitationPolicy.Outcome.SUPPRESSED_BY_COMPLAINT);
		assertThat(this.policy.atDueTime(due.complaintFiled("cmp-1").complaintResolved("cmp-1")))
			.isEqualTo(InvitationPolicy.Outcome.INVITE);
	}

	@Test
	void shouldForgetACustomerWithNothingPendingOpenOrRecent() {
		Instant invited = PURCHASED.plus(Duration.ofDays(7));
		CustomerInvitations customer = CustomerInvitations.NONE.invited(invited);

		assertThat(this.policy.forgettable(customer, invited.plus(Duration.ofDays(89)))).isFalse();
		assertThat(this.policy.forgettable(customer, invited.plus(Duration.ofDays(90)))).isTrue();
		assertThat(this.policy.forgettable(CustomerInvitations.NONE.complaintFiled("c"), invited)).isFalse();
		assertThat(this.policy.forgettable(CustomerInvitations.NONE, invited)).isTrue();
	}

	@Test
	void shouldRefuseAMinimumIntervalShorterThanTheDelay() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InvitationPolicy(Duration.ofDays(7), Duration.ofDays(6), Duration.ZERO))
			.withMessageContaining("min-interval");
	}

	private static PendingInvitation purchase(String eventId, Instant at) {
		return new PendingInvitation(eventId, "o-" + eventId, at, at, "S1", "WEB", "EU");
	}

	private static PendingInvitation pending(Instant dueAt) {
		return new PendingInvitation("p-1", "o-1", PURCHASED, dueAt, "S1", "WEB", "EU");
	}

}
