package io.loyaltypulse.points.ledger;

import java.time.Instant;
import java.util.List;

import io.loyaltypulse.points.tiers.TierTracker;
import org.apache.avro.specific.SpecificRecord;

/**
 * What falls due is applied as of a moment, in time order:
 * {@code while min(nextExpiry, nextTierDue) <= T: apply the sooner (the expiry on a tie); then the tiers as of T}.
 *
 * <p>
 * The same code runs before an event (as of its time) and from the punctuator (as of the
 * time the task applied), which is what makes a replay write the same ledger.
 */
final class Timeline {

	private final Expiry expiry;

	private final TierTracker tiers;

	Timeline(Expiry expiry, TierTracker tiers) {
		this.expiry = expiry;
		this.tiers = tiers;
	}

	/**
	 * Applies everything due up to {@code until}, adding what it wrote to {@code out}.
	 */
	void advance(CustomerAccount account, Instant until, List<SpecificRecord> out) {
		long limit = until.toEpochMilli();
		while (true) {
			long nextExpiry = this.expiry.nextExpiry(account);
			long nextTier = this.tiers.nextDue(account.tiers);
			if (Math.min(nextExpiry, nextTier) > limit) {
				break;
			}
			if (nextExpiry <= nextTier) {
				out.add(this.expiry.expireNext(account));
			}
			else {
				out.addAll(this.tiers.advance(account.tiers, account.customerId, Instant.ofEpochMilli(nextTier)));
			}
		}
		out.addAll(this.tiers.advance(account.tiers, account.customerId, until));
	}

	/** When the account next has something due (epoch millis), or Long.MAX_VALUE. */
	long nextDue(CustomerAccount account) {
		return Math.min(this.tiers.nextDue(account.tiers), this.expiry.nextExpiry(account));
	}

}
