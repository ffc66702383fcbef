package io.loyaltypulse.churn.dashboard;

import tools.jackson.databind.JsonNode;

/**
 * An API the dashboard reads did not give what a page needs; the page says why, with the
 * API's own detail, and the rest of the dashboard stays usable.
 */
class DashboardDataException extends RuntimeException {

	private final int status;

	DashboardDataException(String message) {
		this(message, 503);
	}

	DashboardDataException(String message, int status) {
		super(message);
		this.status = status;
	}

	/**
	 * An API's refusal: a 4xx says what is wrong with what the manager asked (the API's
	 * own words), anything else also which service failed.
	 */
	static DashboardDataException answered(String api, int status, JsonNode problem) {
		String detail = problem.path("detail").asString(problem.path("title").asString("no detail"));
		return new DashboardDataException(
				(status >= 400 && status < 500) ? detail : api + " answered " + status + ": " + detail, status);
	}

	/** The status the API answered (404 for an unknown customer), or 503. */
	int status() {
		return this.status;
	}

}
