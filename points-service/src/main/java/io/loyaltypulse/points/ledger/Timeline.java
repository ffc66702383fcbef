package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.points.tiers.TierTracker;
import org.apache.avro.specific.SpecificRecord;

/**
 * What falls due is applied as of a moment, in time order:
 * {@code while min(nextExpiry, nextReferral, nextTierDue) <= T: apply the soonest (on a tie: expiry, referral, tier); then the tiers as of T}.
 *
 * <p>
 * The same code runs before an event (as of its time) and from the punctuator (as of the
 * time the task applied), which is what makes a replay write the same ledger.
 */
final class Timeline {

	private final Expiry expiry;

	private final TierTracker tiers;

	private final ReferralQualification referrals;

	Timeline(Expiry expiry, TierTracker tiers, ReferralQualification referrals) {
		this.expiry = expiry;
		this.tiers = tiers;
		this.referrals = referrals;
	}

	/**
	 * Applies everything due up to {@code until}, adding what it wrote to {@code out}.
	 */
	void advance(CustomerAccount account, Instant until, List<SpecificRecord> out) {
		long limit = until.toEpochMilli();
		while (true) {
			long nextExpiry = this.expiry.nextExpiry(account);
			long nextReferral = this.referrals.dueAt(account);
			long nextTier = this.tiers.nextDue(account.tiers);
			long next = Math.min(nextExpiry, Math.min(nextReferral, nextTier));
			if (next > limit) {
				break;
			}
			if (nextExpiry == next) {
				out.add(this.expiry.expireNext(account));
			}
			else if (nextReferral == next) {
				this.referrals.qualify(account, out);
			}
			else {
				out.addAll(this.tiers.advance(account.tiers, account.customerId, Instant.ofEpochMilli(nextTier)));
			}
		}
		out.addAll(this.tiers.advance(account.tiers, account.customerId, until));
	}

	/** When the account next has something due (epoch millis), or Long.MAX_VALUE. */
	long nextDue(CustomerAccount account) {
		return Math.min(Math.min(this.tiers.nextDue(account.tiers), this.expiry.nextExpiry(account)),
				this.referrals.dueAt(account));
	}

}
