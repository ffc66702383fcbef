package io.loyaltypulse.survey.invitations;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the invitation rules know of one customer. Immutable.
 *
 * @param lastInvitedAt when the customer's last invitation fell due, or null
 * @param openComplaints the ids of the customer's complaints filed and not resolved
 * @param pending the invitation due next, or null
 */
public record CustomerInvitations(Instant lastInvitedAt, Set<String> openComplaints, PendingInvitation pending) {

	public static final CustomerInvitations NONE = new CustomerInvitations(null, Set.of(), null);

	public CustomerInvitations {
		openComplaints = Set.copyOf(new TreeSet<>(openComplaints));
	}

	public CustomerInvitations withPending(PendingInvitation invitation) {
		return new CustomerInvitations(this.lastInvitedAt, this.openComplaints, invitation);
	}

	public CustomerInvitations invited(Instant at) {
		return new CustomerInvitations(at, this.openComplaints, null);
	}

	public CustomerInvitations complaintFiled(String complaintId) {
		Set<String> open = new TreeSet<>(this.openComplaints);
		open.add(complaintId);
		return new CustomerInvitations(this.lastInvitedAt, open, this.pending);
	}

	public CustomerInvitations complaintResolved(String complaintId) {
		Set<String> open = new TreeSet<>(this.openComplaints);
		open.remove(complaintId);
		return new CustomerInvitations(this.lastInvitedAt, open, this.pending);
	}

}
