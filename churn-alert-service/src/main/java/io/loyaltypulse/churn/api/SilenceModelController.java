package io.loyaltypulse.churn.api;

import java.util.LinkedHashMap;
import java.util.Map;

import io.loyaltypulse.churn.config.ChurnProperties;
import io.loyaltypulse.churn.model.SilenceModel;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The silence model in force on this instance (scope {@code alerts:read}): the BG/NBD
 * parameters in weeks, and whether they were fitted here or are the configured defaults.
 */
@RestController
class SilenceModelController {

	private final SilenceModel model;

	private final ChurnProperties properties;

	SilenceModelController(SilenceModel model, ChurnProperties properties) {
		this.model = model;
		this.properties = properties;
	}

	@GetMapping("/api/v1/silence-model")
	Map<String, Object> silenceModel() {
		SilenceModel.Version version = this.model.version();
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("model", "BG/NBD");
		view.put("r", version.parameters().r());
		view.put("alpha", version.parameters().alpha());
		view.put("a", version.parameters().a());
		view.put("b", version.parameters().b());
		view.put("timeUnit", "weeks");
		view.put("fitted", version.fitted());
		view.put("logLikelihood", version.fitted() ? version.logLikelihood() : null);
		view.put("customers", version.customers());
		view.put("minimumCustomers", this.properties.model().minimumCustomers());
		view.put(version.fitted() ? "fittedAt" : "checkedAt", version.at().toString());
		view.put("note", version.note());
		return view;
	}

}
