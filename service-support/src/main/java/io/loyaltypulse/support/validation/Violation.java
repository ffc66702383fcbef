package io.loyaltypulse.support.validation;

/**
 * One thing wrong with a request, in RFC 9457's shape: a JSON Pointer (RFC 6901) to the
 * offending member of the request body, and what is wrong with it.
 */
public record Violation(String pointer, String detail) {

}
