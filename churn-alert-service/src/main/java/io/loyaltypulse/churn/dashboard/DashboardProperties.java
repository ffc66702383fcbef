package io.loyaltypulse.churn.dashboard;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The CRM dashboard ({@code loyalty.dashboard.*}).
 *
 * @param users the CRM managers who may log in
 * @param apiKey the key the dashboard reads this service's API with (scope
 * {@code alerts:read}): the API merges every instance's alerts, so the dashboard asks it
 * rather than its own partitions
 * @param surveyService where survey-service's NPS API is, and the key to read it (scope
 * {@code nps:read})
 * @param pointsService where points-service's API is, and the key to read it (scope
 * {@code points:read}), for a customer's points and tier
 * @param requestTimeout how long a page waits for an API it reads
 * @param scorecard the targets of the loyalty scorecard
 * @param maxFailedLogins wrong passwords within {@code failedLoginWindow} that lock a
 * manager's account until they are older than the window
 * @param failedLoginWindow see {@code maxFailedLogins}
 */
@ConfigurationProperties("loyalty.dashboard")
public record DashboardProperties(@DefaultValue List<User> users, String apiKey, Upstream surveyService,
		Upstream pointsService, @DefaultValue("5s") Duration requestTimeout, @DefaultValue Scorecard scorecard,
		@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration failedLoginWindow) {

	/** The name the pages show for a manager: the display name, else the username. */
	public String displayName(String username) {
		return this.users.stream()
			.filter((user) -> username.equals(user.username()) && user.displayName() != null
					&& !user.displayName().isBlank())
			.map(User::displayName)
			.findFirst()
			.orElse(username);
	}

	/**
	 * A CRM manager.
	 *
	 * @param username what they log in with, and who the alert history says acted
	 * @param passwordHash the password as Spring Security's delegating encoder stores it,
	 * {@code {bcrypt}$2a$10$...}; never the password itself ({@code {noop}} is refused)
	 * @param displayName the name the pages show
	 */
	public record User(String username, String passwordHash, String displayName) {
	}

	/**
	 * Another service's API that the dashboard reads.
	 *
	 * @param url its address, e.g. {@code http://127.0.0.1:8083}
	 * @param apiKey a key with the read scope it needs
	 */
	public record Upstream(URI url, String apiKey) {
	}

	/**
	 * The scorecard's targets, one per metric; a missing target is shown as none.
	 *
	 * @param repeatPurchaseRate percent of a quarter's customers who had bought before
	 * @param returningAov average order value of returning customers, in the value
	 * currency
	 * @param nps the quarter's NPS
	 * @param complaintsPerThousandOrders complaints filed per 1,000 orders (lower is
	 * better)
	 * @param participation percent of a quarter's customers who earned or redeemed points
	 */
	public record Scorecard(BigDecimal repeatPurchaseRate, BigDecimal returningAov, BigDecimal nps,
			BigDecimal complaintsPerThousandOrders, BigDecimal participation) {
	}

}
