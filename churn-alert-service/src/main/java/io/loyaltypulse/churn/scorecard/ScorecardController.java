package io.loyaltypulse.churn.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.loyaltypulse.churn.config.ChurnProperties;
import io.loyaltypulse.support.validation.InvalidParametersException;
import io.loyaltypulse.support.validation.ValidId;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The commerce figures of the loyalty scorecard (scope {@code alerts:read}): one calendar
 * quarter (UTC) in one slice ({@code store}, {@code region}, or all when neither is
 * given), with the repeat-purchase rate and the returning customers' average order value;
 * and the quarters, stores and regions seen, for pickers. 400 naming the parameter for a
 * bad one (an unknown one: service-support's QueryParameterRules), 503 with Retry-After
 * while the state is not queryable.
 */
@RestController
class ScorecardController {

	private final ScorecardFigures figures;

	private final String valueCurrency;

	ScorecardController(ScorecardFigures figures, ChurnProperties properties) {
		this.figures = figures;
		this.valueCurrency = properties.valueCurrency();
	}

	@GetMapping(ScorecardFigures.FIGURES_PATH)
	ResponseEntity<?> figures(@RequestParam(required = false) String quarter,
			@RequestParam(required = false) @ValidId String store,
			@RequestParam(required = false) @ValidId String region, HttpServletRequest request) {
		Map<String, String> violations = new LinkedHashMap<>();
		Optional<Quarter> parsed = Quarter.parse(quarter);
		if (parsed.isEmpty()) {
			violations.put("quarter", ((quarter == null) ? "is required" : "must be")
					+ " a calendar quarter written YYYY-Qn, e.g. 2026-Q3");
		}
		if (store != null && region != null) {
			violations.put("region", "cannot be given with store: one slice at a time");
		}
		if (!violations.isEmpty()) {
			throw new InvalidParametersException(violations);
		}
		String slice = (store != null) ? Slices.store(store) : (region != null) ? Slices.region(region) : Slices.ALL;
		return this.figures.fromOwner(parsed.get(), slice, request)
			.<ResponseEntity<?>>map((answer) -> answer)
			.orElseGet(() -> ResponseEntity.ok(view(parsed.get(), slice, this.figures.local(parsed.get(), slice))));
	}

	@GetMapping(ScorecardFigures.SLICES_PATH)
	Map<String, Object> slices(HttpServletRequest request) {
		ScorecardFigures.Seen seen = this.figures.seen(request);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("quarters", seen.quarters());
		view.put("stores", seen.stores());
		view.put("regions", seen.regions());
		return view;
	}

	private Map<String, Object> view(Quarter quarter, String slice, Figures figures) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("quarter", quarter.toString());
		view.put("slice", slice);
		view.put("activeCustomers", figures.activeCustomers());
		view.put("returningCustomers", figures.returningCustomers());
		view.put("repeatPurchaseRate", figures.repeatPurchaseRate().orElse(null));
		view.put("orders", figures.orders());
		view.put("returningOrders", figures.returningOrders());
		view.put("otherCurrencyOrders", figures.otherCurrencyOrders());
		view.put("otherCurrencyReturningOrders", figures.otherCurrencyReturningOrders());
		view.put("returningOrderValue", money(figures.returningOrderValue()));
		view.put("returningAov", figures.returningAov().map(this::money).orElse(null));
		view.put("participants", figures.participants());
		view.put("participationRate", figures.participationRate().orElse(null));
		return view;
	}

	private Map<String, Object> money(BigDecimal amount) {
		return Map.of("amount",
				amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY)
					.toPlainString(),
				"currency", this.valueCurrency);
	}

}
