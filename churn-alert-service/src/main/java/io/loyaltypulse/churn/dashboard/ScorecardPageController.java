package io.loyaltypulse.churn.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.churn.config.ChurnProperties;
import io.loyaltypulse.churn.scorecard.Quarter;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The loyalty scorecard: metric, target, this quarter, the quarter before and the change,
 * for the whole company, a store or a region. Repeat-purchase rate, returning customers'
 * average order value, orders and programme participation come from this service's
 * scorecard figures (computed from purchases and the points ledger); the NPS and the
 * complaints filed from survey-service's API (computed from the answers and complaints).
 */
@Controller
class ScorecardPageController {

	private final DashboardApis apis;

	private final DashboardProperties.Scorecard targets;

	private final String currency;

	private final Clock clock;

	ScorecardPageController(DashboardApis apis, DashboardProperties properties, ChurnProperties churn, Clock clock) {
		this.apis = apis;
		this.targets = properties.scorecard();
		this.currency = churn.valueCurrency();
		this.clock = clock;
	}

	@GetMapping("/dashboard/scorecard")
	String scorecard(@RequestParam(required = false) String quarter, @RequestParam(required = false) String slice,
			Model model) {
		Quarter today = Quarter.of(this.clock.instant());
		Quarter current = (quarter == null || quarter.isBlank()) ? today : Quarter.parse(quarter)
			.orElseThrow(() -> new DashboardDataException("quarter must be written YYYY-Qn, e.g. 2026-Q3", 400));
		if (current.firstDay().isAfter(today.lastDay())) {
			throw new DashboardDataException("quarter " + current + " has not begun: the current quarter is " + today,
					400);
		}
		Slice chosen = Slice.parse(slice);
		QuarterFigures now = figures(current, chosen);
		QuarterFigures before = figures(current.previous(), chosen);
		model.addAttribute("page", "scorecard");
		model.addAttribute("quarter", current.toString());
		model.addAttribute("previousQuarter", current.previous().toString());
		model.addAttribute("slice", chosen.key());
		model.addAttribute("sliceName", chosen.name());
		model.addAttribute("rows", rows(now, before));
		model.addAttribute("choices", this.apis.own("/api/v1/scorecard/slices"));
		return "dashboard/scorecard";
	}

	private List<ScorecardRow> rows(QuarterFigures now, QuarterFigures before) {
		List<ScorecardRow> rows = new ArrayList<>();
		rows.add(new ScorecardRow("Repeat-purchase rate", "%", false, this.targets.repeatPurchaseRate(),
				ScorecardMetrics.percent(now.decimal("repeatPurchaseRate")),
				ScorecardMetrics.percent(before.decimal("repeatPurchaseRate")), now.count("returningCustomers") + " of "
						+ now.count("activeCustomers") + " customers had bought before"));
		rows.add(new ScorecardRow("Average order value, returning customers", this.currency, false,
				this.targets.returningAov(), now.money("returningAov"), before.money("returningAov"),
				now.count("returningOrders") + " returning orders"));
		rows.add(new ScorecardRow("NPS", "", false, this.targets.nps(), now.nps(), before.nps(), now.npsBasis()));
		rows.add(new ScorecardRow("Complaints per 1,000 orders", "", true, this.targets.complaintsPerThousandOrders(),
				ScorecardMetrics.perThousandOrders(now.complaints(), now.count("orders")),
				ScorecardMetrics.perThousandOrders(before.complaints(), before.count("orders")),
				"complaints filed " + now.complaints() + ", orders " + now.count("orders")));
		rows.add(new ScorecardRow("Programme participation", "%", false, this.targets.participation(),
				ScorecardMetrics.percent(now.decimal("participationRate")),
				ScorecardMetrics.percent(before.decimal("participationRate")),
				now.count("participants") + " of " + now.count("activeCustomers") + " earned or redeemed points"));
		return rows;
	}

	private QuarterFigures figures(Quarter quarter, Slice slice) {
		Map<String, String> own = new LinkedHashMap<>();
		own.put("quarter", quarter.toString());
		slice.addTo(own);
		Map<String, String> survey = new LinkedHashMap<>();
		survey.put("from", quarter.firstDay().toString());
		survey.put("to", quarter.lastDay().toString());
		slice.addTo(survey);
		return new QuarterFigures(this.apis.own("/api/v1/scorecard/figures" + DashboardApis.query(own)),
				this.apis.survey("/api/v1/nps" + DashboardApis.query(survey)),
				this.apis.survey("/api/v1/complaints/kpis" + DashboardApis.query(survey)));
	}

	/**
	 * All, one store or one region: {@code store=S1}, {@code region=EU-WEST} or empty.
	 */
	record Slice(String dimension, String value) {

		static final Slice ALL = new Slice(null, null);

		static Slice parse(String key) {
			if (key == null || key.isBlank()) {
				return ALL;
			}
			if (!key.matches("(store|region)=.+")) {
				throw new DashboardDataException(
						"slice must be store=<store id>, region=<region id> or empty for all stores", 400);
			}
			int equals = key.indexOf('=');
			return new Slice(key.substring(0, equals), key.substring(equals + 1));
		}

		/** The slice as an API's filter parameter; nothing for all. */
		void addTo(Map<String, String> parameters) {
			if (this.dimension != null) {
				parameters.put(this.dimension, this.value);
			}
		}

		String key() {
			return (this.value != null) ? this.dimension + "=" + this.value : "";
		}

		String name() {
			return (this.value != null) ? this.dimension + " " + this.value : "all stores";
		}

	}

	/** One quarter's answers of the three APIs, read by name. */
	record QuarterFigures(JsonNode figures, JsonNode score, JsonNode complaintKpis) {

		long count(String field) {
			return this.figures.path(field).asLong();
		}

		BigDecimal decimal(String field) {
			JsonNode value = this.figures.path(field);
			return value.isNumber() ? value.decimalValue() : null;
		}

		BigDecimal money(String field) {
			JsonNode amount = this.figures.path(field).path("amount");
			return amount.isMissingNode() || amount.isNull() ? null : new BigDecimal(amount.asString());
		}

		BigDecimal nps() {
			JsonNode value = this.score.path("nps");
			return value.isNumber() ? value.decimalValue() : null;
		}

		String npsBasis() {
			String basis = this.score.path("n").asLong() + " answers";
			if (this.score.path("withheld").asBoolean()) {
				return basis + " (withheld: too few)";
			}
			return this.score.path("insufficient").asBoolean() ? basis + " (insufficient)" : basis;
		}

		long complaints() {
			return this.complaintKpis.path("filed").asLong();
		}

	}

}
