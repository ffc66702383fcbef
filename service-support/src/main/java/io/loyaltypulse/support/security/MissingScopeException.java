package io.loyaltypulse.support.security;

import io.loyaltypulse.support.problems.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The caller is authenticated but may not send this kind of event: 403. */
public class MissingScopeException extends ApiException {

	private final String scope;

	public MissingScopeException(String caller, String eventType, String scope) {
		super(HttpStatus.FORBIDDEN, "forbidden", "Missing scope",
				"'" + caller + "' may not send " + eventType + ": its credentials lack the scope '" + scope + "'",
				null);
		this.scope = scope;
	}

	@Override
	protected void describe(ProblemDetail problem) {
		problem.setProperty("requiredScope", this.scope);
	}

}
