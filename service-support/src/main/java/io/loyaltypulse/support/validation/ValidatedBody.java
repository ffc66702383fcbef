package io.loyaltypulse.support.validation;

/**
 * A request body that checks its own rules, beyond what binding already refused; read
 * with {@code StrictJsonReader.readValid}.
 */
public interface ValidatedBody {

	void validate(Violations violations);

}
