package io.loyaltypulse.churn.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The inbox's filters, as the form sends them; the API checks them (an unknown status is
 * its 400, shown on the page).
 */
record InboxFilter(String status, String signal, String severity, String assignee, String store, String sort,
		Integer page) {

	/** The filters as the alerts API's parameters; blank ones are left out. */
	Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("status", this.status);
		parameters.put("signal", this.signal);
		parameters.put("severity", this.severity);
		parameters.put("assignee", this.assignee);
		parameters.put("store", this.store);
		parameters.put("sort", (this.sort != null && !this.sort.isBlank()) ? this.sort : "risk");
		return parameters;
	}

	public int pageOrFirst() {
		return (this.page != null && this.page >= 0) ? this.page : 0;
	}

	/** The query string of another page with the same filters, for the pager. */
	public String pageQuery(int other) {
		Map<String, String> parameters = parameters();
		parameters.put("page", Integer.toString(other));
		return DashboardApis.query(parameters);
	}

}
