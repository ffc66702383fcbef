package io.loyaltypulse.points.query;

import io.loyaltypulse.points.config.PointsProperties;
import io.loyaltypulse.points.topology.PointsTopology;
import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.support.validation.ValidId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's balance and recent ledger entries (scope {@code points:read}), answered by
 * the instance that owns the customer's state; a request that reaches another instance is
 * forwarded once. The parameter constraints are checked by Spring MVC's own method
 * validation, so an invalid parameter is a 400 problem naming it, not a 500.
 */
@RestController
class PointsQueryController {

	private final AccountQueries accounts;

	private final InteractiveQueries queries;

	private final PointsProperties properties;

	PointsQueryController(AccountQueries accounts, InteractiveQueries queries, PointsProperties properties) {
		this.accounts = accounts;
		this.queries = queries;
		this.properties = properties;
	}

	@GetMapping("/api/v1/customers/{customerId}/points")
	ResponseEntity<?> points(@PathVariable @ValidId String customerId,
			@RequestParam(required = false) @Min(0) @Max(3660) Integer expiringWithinDays, HttpServletRequest request) {
		int horizon = (expiringWithinDays != null) ? expiringWithinDays : this.properties.expiringWithinDays();
		return this.queries.forwardIfRemote(PointsTopology.ACCOUNTS_STORE, customerId, request)
			.<ResponseEntity<?>>map((answer) -> answer)
			.orElseGet(() -> served(this.accounts.summary(customerId, horizon)));
	}

	@GetMapping("/api/v1/customers/{customerId}/points/transactions")
	ResponseEntity<?> transactions(@PathVariable @ValidId String customerId,
			@RequestParam(defaultValue = "20") @Min(1) @Max(1000) int limit, HttpServletRequest request) {
		return this.queries.forwardIfRemote(PointsTopology.ACCOUNTS_STORE, customerId, request)
			.<ResponseEntity<?>>map((answer) -> answer)
			.orElseGet(() -> served(this.accounts.recentTransactions(customerId, limit)));
	}

	private ResponseEntity<?> served(Object body) {
		return ResponseEntity.ok().header(InteractiveQueries.SERVED_BY_HEADER, this.queries.self()).body(body);
	}

}
