package io.loyaltypulse.support.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An id in a URL (a customer id, an order id): 1 to {@value Violations#MAX_TEXT_LENGTH}
 * characters, not blank, no control characters. The same rule as an id in a body
 * ({@link Violations#requireText}); on a controller's parameter, Spring MVC checks it and
 * a violation is a 400 problem naming the parameter. An absent optional query parameter
 * (null) passes: whether a parameter is required is Spring MVC's to say.
 */
@Documented
@Constraint(validatedBy = {})
@Target({ ElementType.PARAMETER, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@ReportAsSingleViolation
@Size(max = Violations.MAX_TEXT_LENGTH)
@Pattern(regexp = "[^\\p{Cntrl}]*[^\\p{Cntrl}\\s][^\\p{Cntrl}]*")
public @interface ValidId {

	String message() default "must be 1 to " + Violations.MAX_TEXT_LENGTH + " characters without control characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
