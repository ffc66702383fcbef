package io.loyaltypulse.churn.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.support.validation.ValidId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer 360: the profile the churn engine keeps (through the API, from the
 * instance that holds the customer), points and tier from points-service, and the
 * purchase rhythm drawn: each purchase at the gap since the one before, the customer's
 * usual gap (the median the SILENCE signal measures against) as a line, and today's
 * silence as a point of its own, so a manager sees at once how far outside their own
 * rhythm the customer is.
 */
@Controller
@Validated
class CustomerPageController {

	private final DashboardApis apis;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	CustomerPageController(DashboardApis apis, Clock clock) {
		this.apis = apis;
		this.clock = clock;
	}

	/** The header's search box. */
	@GetMapping("/dashboard/customers")
	String find(@RequestParam @ValidId String customerId) {
		return "redirect:/dashboard/customers/" + DashboardApis.segment(customerId.strip());
	}

	@GetMapping("/dashboard/customers/{customerId}")
	String customer(@PathVariable @ValidId String customerId, Model model) {
		JsonNode profile = this.apis.own("/api/v1/customers/" + DashboardApis.segment(customerId) + "/profile");
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		List<AlertRow> alerts = new ArrayList<>();
		for (JsonNode alert : profile.path("alerts")) {
			alerts.add(AlertRow.of(alert, now));
		}
		model.addAttribute("page", "alerts");
		model.addAttribute("customerId", customerId);
		model.addAttribute("profile", profile);
		model.addAttribute("alerts", alerts);
		model.addAttribute("rhythm", this.json.writeValueAsString(rhythm(profile, today)));
		try {
			model.addAttribute("points",
					this.apis.points("/api/v1/customers/" + DashboardApis.segment(customerId) + "/points"));
		}
		catch (DashboardDataException ex) {
			// The rest of the 360 is still worth seeing without the points.
			model.addAttribute("pointsProblem", ex.getMessage());
		}
		return "dashboard/customer";
	}

	/**
	 * The chart's data: {@code purchases} as {x: epoch day, y: days since the purchase
	 * before}, {@code usualGap} (or null), {@code today} as {x: epoch day, y: days
	 * silent}. Epoch days keep the x axis linear without a date library in the page.
	 */
	static Map<String, Object> rhythm(JsonNode profile, LocalDate today) {
		List<Map<String, Object>> purchases = new ArrayList<>();
		LocalDate previous = null;
		for (JsonNode day : profile.path("purchaseDays")) {
			LocalDate date = LocalDate.parse(day.asString());
			purchases.add(Map.of("x", date.toEpochDay(), "y",
					(previous != null) ? ChronoUnit.DAYS.between(previous, date) : 0));
			previous = date;
		}
		Map<String, Object> rhythm = new LinkedHashMap<>();
		rhythm.put("purchases", purchases);
		JsonNode usualGap = profile.path("medianGapDays");
		rhythm.put("usualGap", usualGap.isNumber() ? usualGap.asDouble() : null);
		rhythm.put("today", (previous != null)
				? Map.of("x", today.toEpochDay(), "y", ChronoUnit.DAYS.between(previous, today)) : null);
		return rhythm;
	}

}
