package io.loyaltypulse.points.query;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import io.loyaltypulse.points.config.PointsProperties;
import io.loyaltypulse.points.ledger.PointsSummary;
import io.loyaltypulse.points.topology.RecentTransaction;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.apache.kafka.streams.state.HostInfo;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's balance and recent ledger entries, answered by the instance that owns the
 * customer's state; a request that reaches another instance is forwarded once. The
 * parameter constraints are checked by Spring MVC's own method validation (no class-level
 * {@code @Validated} proxy), so an invalid parameter is a 400 problem (see
 * {@code web.ApiProblems}), not a 500.
 */
@RestController
class PointsQueryController {

	/** The instance ({@code application.server}) whose state answered. */
	static final String SERVED_BY_HEADER = "X-Loyalty-Served-By";

	private final AccountQueries queries;

	private final PointsProperties properties;

	PointsQueryController(AccountQueries queries, PointsProperties properties) {
		this.queries = queries;
		this.properties = properties;
	}

	@GetMapping("/api/v1/customers/{customerId}/points")
	ResponseEntity<?> points(@PathVariable String customerId,
			@RequestParam(required = false) @Min(0) @Max(3660) Integer expiringWithinDays,
			@RequestHeader(name = AccountQueries.FORWARDED_HEADER, required = false) String forwarded,
			HttpServletRequest request) {
		Optional<ResponseEntity<?>> remote = forwardIfRemote(customerId, forwarded, request);
		if (remote.isPresent()) {
			return remote.get();
		}
		PointsSummary summary = this.queries.summary(customerId,
				(expiringWithinDays != null) ? expiringWithinDays : this.properties.expiringWithinDays());
		return ResponseEntity.ok().header(SERVED_BY_HEADER, this.queries.self()).body(summary);
	}

	@GetMapping("/api/v1/customers/{customerId}/points/transactions")
	ResponseEntity<?> transactions(@PathVariable String customerId,
			@RequestParam(defaultValue = "20") @Min(1) @Max(1000) int limit,
			@RequestHeader(name = AccountQueries.FORWARDED_HEADER, required = false) String forwarded,
			HttpServletRequest request) {
		Optional<ResponseEntity<?>> remote = forwardIfRemote(customerId, forwarded, request);
		if (remote.isPresent()) {
			return remote.get();
		}
		List<RecentTransaction> entries = this.queries.recentTransactions(customerId, limit);
		return ResponseEntity.ok().header(SERVED_BY_HEADER, this.queries.self()).body(entries);
	}

	@ExceptionHandler(StoreUnavailableException.class)
	ResponseEntity<ProblemDetail> unavailable(StoreUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "2")
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage()));
	}

	private Optional<ResponseEntity<?>> forwardIfRemote(String customerId, String forwarded,
			HttpServletRequest request) {
		Optional<HostInfo> owner = this.queries.remoteOwner(customerId);
		if (owner.isEmpty()) {
			return Optional.empty();
		}
		if (forwarded != null) {
			// The sender thought this instance owns the customer: ownership is moving.
			throw new StoreUnavailableException("ownership of customer " + customerId + " is moving");
		}
		String pathAndQuery = request.getRequestURI()
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		HttpResponse<String> answer = this.queries.forward(owner.get(), pathAndQuery);
		// The owner's content type: a problem must stay application/problem+json.
		MediaType contentType = answer.headers()
			.firstValue(HttpHeaders.CONTENT_TYPE)
			.map(MediaType::parseMediaType)
			.orElse(MediaType.APPLICATION_JSON);
		ResponseEntity.BodyBuilder relayed = ResponseEntity.status(answer.statusCode()).contentType(contentType);
		answer.headers().firstValue("Retry-After").ifPresent((value) -> relayed.header("Retry-After", value));
		answer.headers().firstValue(SERVED_BY_HEADER).ifPresent((value) -> relayed.header(SERVED_BY_HEADER, value));
		return Optional.of(relayed.body(answer.body()));
	}

}
