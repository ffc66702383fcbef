package io.loyaltypulse.points.redemption;

import io.loyaltypulse.support.validation.Violations;

/** A request body that checks its own rules, beyond what binding already refused. */
interface ValidatedBody {

	void validate(Violations violations);

}
