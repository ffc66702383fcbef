package io.loyaltypulse.churn.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.loyaltypulse.churn.alerts.Alert;
import io.loyaltypulse.churn.alerts.AlertIds;
import io.loyaltypulse.churn.engine.ChurnTopology;
import io.loyaltypulse.events.ChurnAlertSeverity;
import io.loyaltypulse.events.ChurnAlertStatus;
import io.loyaltypulse.events.ChurnSignal;
import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.support.validation.ValidId;
import io.loyaltypulse.support.validation.InvalidParametersException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alerts (scope {@code alerts:read}): the list, filtered, sorted and paged over every
 * instance's partitions (each instance answers its best {@code (page + 1) * size}, merged
 * here), and one alert with its history from the instance that owns its customer. 503
 * with Retry-After while the state is moving.
 */
@RestController
class AlertQueryController {

	private static final TypeReference<Map<String, Object>> PARTIAL = new TypeReference<>() {
	};

	private final InteractiveQueries queries;

	private final JsonMapper json = JsonMapper.builder().build();

	AlertQueryController(InteractiveQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/api/v1/alerts")
	ResponseEntity<?> alerts(@RequestParam(required = false) @ValidId String customerId,
			@RequestParam(required = false) ChurnSignal signal, @RequestParam(required = false) ChurnAlertStatus status,
			@RequestParam(required = false) ChurnAlertSeverity severity,
			@RequestParam(required = false) @ValidId String assignee,
			@RequestParam(required = false) @ValidId String store, @RequestParam(defaultValue = "risk") String sort,
			@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, HttpServletRequest request) {
		AlertOrder order = AlertOrder.of(sort);
		if (order == null) {
			throw new InvalidParametersException(
					Map.of("sort", "must be one of risk, raisedAt, -raisedAt, updatedAt, -updatedAt"));
		}
		AlertFilter filter = new AlertFilter(customerId, signal, status, severity, assignee, store);
		int wanted = (page + 1) * size;
		Map<String, Object> local = local(filter, order, wanted);
		if (this.queries.isForwarded(request)) {
			return ResponseEntity.ok(local);
		}
		List<Map<String, Object>> items = new ArrayList<>(items(local));
		long total = ((Number) local.get("total")).longValue();
		for (String answer : this.queries.fromOtherInstances(ChurnTopology.ALERTS_STORE, request)) {
			Map<String, Object> partial = this.json.readValue(answer, PARTIAL);
			items.addAll(items(partial));
			total += ((Number) partial.get("total")).longValue();
		}
		items.sort(order.comparator());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", items.subList(Math.min(page * size, items.size()), Math.min(wanted, items.size())));
		body.put("page", page);
		body.put("size", size);
		body.put("total", total);
		body.put("sort", order.parameter());
		return ResponseEntity.ok(body);
	}

	@GetMapping("/api/v1/alerts/{alertId}")
	ResponseEntity<?> alert(@PathVariable String alertId, HttpServletRequest request) {
		String customerId = AlertIds.customerOf(alertId).orElseThrow(() -> AlertViews.noSuchAlert(alertId));
		return this.queries.forwardIfRemote(ChurnTopology.ALERTS_STORE, customerId, request)
			.<ResponseEntity<?>>map((answer) -> answer)
			.orElseGet(() -> {
				ReadOnlyKeyValueStore<String, Alert> alerts = this.queries.localStore(ChurnTopology.ALERTS_STORE,
						customerId, QueryableStoreTypes.keyValueStore());
				Alert alert = alerts.get(alertId);
				if (alert == null) {
					throw AlertViews.noSuchAlert(alertId);
				}
				return ResponseEntity.ok()
					.header(InteractiveQueries.SERVED_BY_HEADER, this.queries.self())
					.body(AlertViews.withHistory(alert));
			});
	}

	/** This instance's best {@code wanted} matching alerts, and how many match here. */
	private Map<String, Object> local(AlertFilter filter, AlertOrder order, int wanted) {
		ReadOnlyKeyValueStore<String, Alert> alerts = this.queries.localStore(ChurnTopology.ALERTS_STORE,
				QueryableStoreTypes.keyValueStore());
		List<Map<String, Object>> matching = new ArrayList<>();
		try (KeyValueIterator<String, Alert> all = alerts.all()) {
			while (all.hasNext()) {
				KeyValue<String, Alert> entry = all.next();
				if (filter.matches(entry.value)) {
					matching.add(AlertViews.summary(entry.value));
				}
			}
		}
		matching.sort(order.comparator());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("items", matching.subList(0, Math.min(wanted, matching.size())));
		answer.put("total", matching.size());
		return answer;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> items(Map<String, Object> answer) {
		return (List<Map<String, Object>>) answer.get("items");
	}

}
