package io.loyaltypulse.churn.dashboard;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import io.loyaltypulse.churn.api.ManagerActions;
import io.loyaltypulse.events.ChurnAlertActionOutcome;
import io.loyaltypulse.events.ChurnAlertActionStatus;
import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ChurnAlertStatus;
import io.loyaltypulse.events.ChurnSignal;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The alerts inbox: the alerts of every instance (through the API), filtered and sorted
 * by risk, and the five actions on a row, answered with the row as it is after the action
 * (htmx swaps it in place, no reload). An action carries the idempotency key its form was
 * rendered with, so a double click or a retried request is applied once.
 */
@Controller
class InboxController {

	static final int PAGE_SIZE = 50;

	private final DashboardApis apis;

	private final ManagerActions actions;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	InboxController(DashboardApis apis, ManagerActions actions, Clock clock) {
		this.apis = apis;
		this.actions = actions;
		this.clock = clock;
	}

	@GetMapping({ "/", "/dashboard" })
	String home() {
		return "redirect:/dashboard/alerts";
	}

	/** The orders the alerts API offers, in the inbox's words. */
	static final Map<String, String> SORTS = sorts();

	@ModelAttribute("choices")
	Map<String, Object> choices() {
		return Map.of("statuses", ChurnAlertStatus.values(), "signals", ChurnSignal.values(), "severities",
				ChurnAlertSeverity.values(), "sorts", SORTS);
	}

	private static Map<String, String> sorts() {
		Map<String, String> sorts = new LinkedHashMap<>();
		sorts.put("risk", "highest risk first");
		sorts.put("-raisedAt", "newest first");
		sorts.put("raisedAt", "oldest first");
		sorts.put("-updatedAt", "recently changed first");
		return sorts;
	}

	@GetMapping("/dashboard/alerts")
	String inbox(InboxFilter filter, Model model) {
		rows(filter, model);
		model.addAttribute("page", "alerts");
		return "dashboard/alerts";
	}

	/**
	 * The table for new filters; the address bar shows the page with those filters (not
	 * this fragment's URL), so that a reload or a bookmark opens the whole page.
	 */
	@GetMapping("/dashboard/alerts/rows")
	String rowsOnly(InboxFilter filter, Model model, HttpServletResponse response) {
		rows(filter, model);
		response.setHeader("HX-Push-Url", "/dashboard/alerts" + filter.pageQuery(filter.pageOrFirst()));
		return "dashboard/alerts :: results";
	}

	@GetMapping("/dashboard/alerts/{alertId}")
	String alert(@PathVariable String alertId, Model model) {
		model.addAttribute("alert", alertWithHistory(alertId));
		model.addAttribute("page", "alerts");
		return "dashboard/alert";
	}

	@PostMapping("/dashboard/alerts/{alertId}/acknowledge")
	String acknowledge(@PathVariable String alertId, @RequestParam String idempotencyKey,
			@RequestParam(defaultValue = "row") String view, Principal manager, Model model) {
		return answer(alertId, view, "acknowledged",
				this.actions.acknowledge(alertId, idempotencyKey, manager.getName()), model);
	}

	@PostMapping("/dashboard/alerts/{alertId}/snooze")
	String snooze(@PathVariable String alertId, @RequestParam String idempotencyKey,
			@RequestParam(required = false) LocalDate until, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "row") String view, Principal manager, Model model) {
		Instant end = (until != null) ? until.atStartOfDay(ZoneOffset.UTC).toInstant() : null;
		return answer(alertId, view, "snoozed",
				this.actions.snooze(alertId, idempotencyKey, end, reason, manager.getName()), model);
	}

	@PostMapping("/dashboard/alerts/{alertId}/resolve")
	String resolve(@PathVariable String alertId, @RequestParam String idempotencyKey,
			@RequestParam(required = false) String reason, @RequestParam(defaultValue = "row") String view,
			Principal manager, Model model) {
		return answer(alertId, view, "resolved",
				this.actions.resolve(alertId, idempotencyKey, reason, manager.getName()), model);
	}

	@PostMapping("/dashboard/alerts/{alertId}/assign")
	String assign(@PathVariable String alertId, @RequestParam String idempotencyKey,
			@RequestParam(required = false) String assignee, @RequestParam(defaultValue = "row") String view,
			Principal manager, Model model) {
		return answer(alertId, view, "assigned",
				this.actions.assign(alertId, idempotencyKey, assignee, manager.getName()), model);
	}

	@PostMapping("/dashboard/alerts/{alertId}/comments")
	String comment(@PathVariable String alertId, @RequestParam String idempotencyKey,
			@RequestParam(required = false) String text, @RequestParam(defaultValue = "row") String view,
			Principal manager, Model model) {
		return answer(alertId, view, "commented",
				this.actions.comment(alertId, idempotencyKey, text, manager.getName()), model);
	}

	/** Today (UTC), the earliest a snooze form offers being the day after. */
	@ModelAttribute("today")
	LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/** A fresh idempotency key for each rendered action form. */
	@ModelAttribute("keys")
	KeyMaker keys() {
		return new KeyMaker();
	}

	/** Makes idempotency keys for the action forms of a page. */
	static final class KeyMaker {

		public String next() {
			return UUID.randomUUID().toString();
		}

	}

	private void rows(InboxFilter filter, Model model) {
		Map<String, String> parameters = new LinkedHashMap<>(filter.parameters());
		parameters.put("page", Integer.toString(filter.pageOrFirst()));
		parameters.put("size", Integer.toString(PAGE_SIZE));
		JsonNode answer = this.apis.own("/api/v1/alerts" + DashboardApis.query(parameters));
		Instant now = this.clock.instant();
		List<AlertRow> rows = StreamSupport.stream(answer.path("items").spliterator(), false)
			.map((item) -> AlertRow.of(item, now))
			.toList();
		long total = answer.path("total").asLong();
		model.addAttribute("filter", filter);
		model.addAttribute("sortLabel", SORTS.getOrDefault(parameters.get("sort"), parameters.get("sort")));
		model.addAttribute("rows", rows);
		model.addAttribute("total", total);
		model.addAttribute("hasNext", (long) (filter.pageOrFirst() + 1) * PAGE_SIZE < total);
	}

	private AlertRow alertWithHistory(String alertId) {
		return AlertRow.of(this.apis.own("/api/v1/alerts/" + DashboardApis.segment(alertId)), this.clock.instant());
	}

	private String answer(String alertId, String view, String done, ChurnAlertActionOutcome outcome, Model model) {
		if (outcome.getStatus() != ChurnAlertActionStatus.APPLIED) {
			throw new ActionRefusedException(outcome.getStatus(), outcome.getExplanation());
		}
		model.addAttribute("flash", "Alert " + done + ".");
		if ("detail".equals(view)) {
			model.addAttribute("alert", alertWithHistory(alertId));
			return "dashboard/alert :: detail";
		}
		model.addAttribute("row",
				AlertRow.of(this.json.valueToTree(ManagerActions.view(outcome)), this.clock.instant()));
		return "dashboard/alerts :: row";
	}

}
