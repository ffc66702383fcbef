package io.loyaltypulse.churn.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The NPS page, from survey-service's API (which owns the NPS and its margin): the score
 * with n and margin over a window, the weekly trend with each week's interval and the
 * significant changes marked, the breakdown by store, region, channel and segment
 * (insufficient and withheld slices shown as such), and the histogram of scores.
 */
@Controller
class NpsPageController {

	static final List<String> DIMENSIONS = List.of("store", "region", "channel", "segment");

	static final List<String> WINDOWS = List.of("30d", "91d", "182d", "365d");

	private final DashboardApis apis;

	private final JsonMapper json = JsonMapper.builder().build();

	NpsPageController(DashboardApis apis) {
		this.apis = apis;
	}

	@GetMapping("/dashboard/nps")
	String nps(@RequestParam(defaultValue = "182d") String window, @RequestParam(required = false) String dimension,
			@RequestParam(required = false) String value, Model model) {
		Map<String, String> filter = new LinkedHashMap<>();
		filter.put("window", window);
		if (dimension != null && DIMENSIONS.contains(dimension) && value != null && !value.isBlank()) {
			filter.put(dimension, value);
		}
		JsonNode score = this.apis.survey("/api/v1/nps" + DashboardApis.query(filter));
		Map<String, String> weekly = new LinkedHashMap<>(filter);
		weekly.put("granularity", "week");
		JsonNode trend = this.apis.survey("/api/v1/nps/trend" + DashboardApis.query(weekly));
		List<Breakdown> breakdowns = new ArrayList<>();
		for (String each : DIMENSIONS) {
			if (filter.containsKey(each)) {
				// A breakdown by the dimension the page is already filtered on has one
				// line.
				continue;
			}
			breakdowns.add(breakdown(each, filter));
		}
		model.addAttribute("page", "nps");
		model.addAttribute("window", window);
		model.addAttribute("windows", WINDOWS);
		model.addAttribute("dimensions", DIMENSIONS);
		model.addAttribute("dimension", dimension);
		model.addAttribute("value", value);
		model.addAttribute("score", score);
		model.addAttribute("trend", trend);
		model.addAttribute("breakdowns", breakdowns);
		model.addAttribute("trendChart", this.json.writeValueAsString(trendPoints(trend)));
		model.addAttribute("histogramChart", this.json.writeValueAsString(histogram(score)));
		return "dashboard/nps";
	}

	/**
	 * One dimension's breakdown inside the filter; survey-service counts a breakdown
	 * inside a slice only for the combinations it is configured with
	 * ({@code loyalty.nps.slices}), and says so with a 400, which the page words for a
	 * manager.
	 */
	private Breakdown breakdown(String dimension, Map<String, String> filter) {
		Map<String, String> parameters = new LinkedHashMap<>(filter);
		parameters.put("dimension", dimension);
		try {
			return new Breakdown(dimension, this.apis.survey("/api/v1/nps/breakdown" + DashboardApis.query(parameters)),
					null);
		}
		catch (DashboardDataException ex) {
			String why = (ex.status() == 400)
					? "Not counted by " + dimension + " inside this slice: survey-service counts each dimension "
							+ "for all answers, and only the combinations configured in loyalty.nps.slices."
					: ex.getMessage();
			return new Breakdown(dimension, null, why);
		}
	}

	/** One dimension's breakdown, or why there is none. */
	record Breakdown(String dimension, JsonNode answer, String problem) {
	}

	/** The trend chart's data: the weekly points with their intervals. */
	static List<Map<String, Object>> trendPoints(JsonNode trend) {
		List<Map<String, Object>> points = new ArrayList<>();
		for (JsonNode point : trend.path("points")) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("period", point.path("period").asString());
			item.put("n", point.path("n").asLong());
			item.put("nps", number(point, "nps"));
			item.put("low", number(point, "low"));
			item.put("high", number(point, "high"));
			item.put("change", number(point, "change"));
			item.put("significant", point.path("significant").asBoolean());
			item.put("insufficient", point.path("insufficient").asBoolean());
			points.add(item);
		}
		return points;
	}

	/** The histogram chart's data: how many answered each score, 0 to 10. */
	static List<Long> histogram(JsonNode score) {
		List<Long> histogram = new ArrayList<>();
		for (JsonNode count : score.path("histogram")) {
			histogram.add(count.asLong());
		}
		return histogram;
	}

	private static Double number(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNumber() ? value.asDouble() : null;
	}

}
