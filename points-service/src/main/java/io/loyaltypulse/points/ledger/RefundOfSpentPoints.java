package io.loyaltypulse.points.ledger;

/**
 * Points a refund takes back that were already spent, by the configured policy:
 * {@code ALLOW_NEGATIVE: debt += missing, all taken back; CAP_AT_ZERO: shortfall += missing, only what was there taken back}.
 */
final class RefundOfSpentPoints {

	private final NegativeBalancePolicy policy;

	RefundOfSpentPoints(NegativeBalancePolicy policy) {
		this.policy = policy;
	}

	/**
	 * @param points the points the refund takes back
	 * @param missing those of them the lots no longer held
	 * @return what the ledger entry takes back and records as shortfall, and why
	 */
	Settlement settle(CustomerAccount account, long points, long missing) {
		if (missing <= 0) {
			return new Settlement(points, 0, "");
		}
		if (this.policy == NegativeBalancePolicy.ALLOW_NEGATIVE) {
			account.debt += missing;
			return new Settlement(points, 0,
					"; %d of them were already spent: taken back anyway, the balance may go below zero (ALLOW_NEGATIVE)"
						.formatted(missing));
		}
		account.shortfall += missing;
		return new Settlement(points - missing, missing,
				"; %d of them were already spent: not taken back, recorded as shortfall (CAP_AT_ZERO)"
					.formatted(missing));
	}

	/**
	 * @param taken the points the entry takes back
	 * @param shortfall the points it records as not taken back
	 * @param note what the explanation says of it; empty when nothing was spent
	 */
	record Settlement(long taken, long shortfall, String note) {
	}

}
