package io.loyaltypulse.churn.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.loyaltypulse.churn.alerts.Alert;
import io.loyaltypulse.churn.alerts.AlertLifecycle;
import io.loyaltypulse.churn.config.ChurnProperties;
import io.loyaltypulse.churn.engine.ChurnTopology;
import io.loyaltypulse.churn.model.SilenceModel;
import io.loyaltypulse.churn.profile.CustomerProfile;
import io.loyaltypulse.churn.profile.OpenInvoice;
import io.loyaltypulse.churn.signals.Finding;
import io.loyaltypulse.churn.silence.BgNbd;
import io.loyaltypulse.churn.silence.PurchaseHistory;
import io.loyaltypulse.churn.silence.SilenceRule;
import io.loyaltypulse.events.ChurnSignal;
import io.loyaltypulse.support.problems.ApiException;
import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.support.validation.ValidId;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer 360 (scope {@code alerts:read}): rhythm and silence model figures, signals
 * in force, invoices, answers, complaints, points and alerts, from the instance that owns
 * the customer.
 */
@RestController
class CustomerProfileController {

	private final InteractiveQueries queries;

	private final AlertLifecycle lifecycle;

	private final SilenceModel model;

	private final ChurnProperties properties;

	private final SilenceRule rule;

	private final Clock clock;

	CustomerProfileController(InteractiveQueries queries, AlertLifecycle lifecycle, SilenceModel model,
			ChurnProperties properties, Clock clock) {
		this.queries = queries;
		this.lifecycle = lifecycle;
		this.model = model;
		this.properties = properties;
		this.rule = properties.silence().rule();
		this.clock = clock;
	}

	@GetMapping("/api/v1/customers/{customerId}/profile")
	ResponseEntity<?> profile(@PathVariable @ValidId String customerId, HttpServletRequest request) {
		return this.queries.forwardIfRemote(ChurnTopology.PROFILES_STORE, customerId, request)
			.<ResponseEntity<?>>map((answer) -> answer)
			.orElseGet(() -> ResponseEntity.ok()
				.header(InteractiveQueries.SERVED_BY_HEADER, this.queries.self())
				.body(view(customerId)));
	}

	private Map<String, Object> view(String customerId) {
		ReadOnlyKeyValueStore<String, CustomerProfile> profiles = this.queries.localStore(ChurnTopology.PROFILES_STORE,
				customerId, QueryableStoreTypes.keyValueStore());
		CustomerProfile profile = profiles.get(customerId);
		if (profile == null) {
			throw new ApiException(HttpStatus.NOT_FOUND, "customer-not-found", "No such customer",
					"no event of customer " + customerId + " has been seen", null);
		}
		ReadOnlyKeyValueStore<String, Alert> alerts = this.queries.localStore(ChurnTopology.ALERTS_STORE, customerId,
				QueryableStoreTypes.keyValueStore());
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("customerId", customerId);
		view.putAll(rhythm(profile, today));
		view.put("purchaseDays", profile.purchaseDays().stream().map(LocalDate::toString).toList());
		view.put("storeId", profile.storeId());
		view.put("customerValue",
				Map.of("amount", profile.spendOver12Months(today).stripTrailingZeros().toPlainString(), "currency",
						this.properties.valueCurrency()));
		Map<ChurnSignal, Finding> findings = this.lifecycle.findings(profile, now);
		view.put("risk", this.lifecycle.risk(findings, profile.spendOver12Months(today)));
		view.put("signals",
				findings.values()
					.stream()
					.map((finding) -> Map.of("signal", finding.signal().name(), "severity", finding.severity().name(),
							"explanation", finding.explanation()))
					.toList());
		view.put("openInvoices", profile.openInvoices().stream().map((invoice) -> invoice(invoice, today)).toList());
		view.put("answers", profile.answers().stream().map((answer) -> {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("responseId", answer.responseId());
			item.put("surveyId", answer.surveyId());
			item.put("score", answer.score());
			item.put("answeredAt", answer.occurredAt().toString());
			item.put("comment", answer.comment());
			return item;
		}).toList());
		view.put("openComplaints",
				profile.openComplaints()
					.stream()
					.map((complaint) -> Map.of("complaintId", complaint.complaintId(), "category", complaint.category(),
							"severity", complaint.severity().name(), "filedAt", complaint.filedAt().toString()))
					.toList());
		view.put("pointsBalance", profile.pointsBalance());
		List<String> alertIds = new ArrayList<>(profile.activeAlerts().values());
		alertIds.addAll(profile.closedAlerts().reversed());
		view.put("alerts",
				alertIds.stream().map(alerts::get).filter((alert) -> alert != null).map(AlertViews::summary).toList());
		return view;
	}

	/**
	 * pAlive, silenceRisk, medianGapDays and daysSilent, as the SILENCE signal sees them
	 * (BG/NBD's alone before a repeat purchase); nulls before any purchase.
	 */
	private Map<String, Object> rhythm(CustomerProfile profile, LocalDate today) {
		Map<String, Object> view = new LinkedHashMap<>();
		Optional<PurchaseHistory> history = profile.history(today);
		Optional<SilenceRule.Silence> silence = this.rule.measure(profile.purchaseDays(), today, this.model.get());
		double horizon = this.properties.silence().horizonWeeks();
		view.put("pAlive",
				silence.map(SilenceRule.Silence::probabilityAlive)
					.or(() -> history.map((known) -> BgNbd.probabilityAlive(this.model.get(), known)))
					.orElse(null));
		view.put("silenceRisk", silence.map(SilenceRule.Silence::silenceRisk)
			.or(() -> history.map((known) -> BgNbd.probabilityNoPurchaseWithin(this.model.get(), known, horizon)))
			.orElse(null));
		view.put("silenceHorizonWeeks", horizon);
		view.put("medianGapDays", silence.map((known) -> known.rhythm().medianGapDays()).orElse(null));
		view.put("gapsUsed", silence.map((known) -> known.rhythm().gapsUsed()).orElse(null));
		view.put("daysSilent", history.map((known) -> Math.round((known.T() - known.tx()) * 7)).orElse(null));
		view.put("repeatPurchaseDays", history.map(PurchaseHistory::x).orElse(null));
		return view;
	}

	private static Map<String, Object> invoice(OpenInvoice invoice, LocalDate today) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("invoiceId", invoice.invoiceId());
		view.put("amount", invoice.amount().stripTrailingZeros().toPlainString());
		view.put("unpaid", invoice.unpaid().stripTrailingZeros().toPlainString());
		view.put("currency", invoice.currency());
		view.put("dueDate", invoice.dueDate().toString());
		view.put("daysOverdue", Math.max(0, invoice.daysOverdue(today)));
		return view;
	}

}
