package io.loyaltypulse.survey.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.loyaltypulse.support.streams.InteractiveQueries;
import io.loyaltypulse.survey.config.NpsProperties;
import io.loyaltypulse.survey.engine.ComplaintTopology;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The complaint KPIs of one slice over a period (scope {@code nps:read}): filed, resolved
 * and open, by category and severity, and the median time to resolve, from the complaint
 * slice-day store, answered by the instance that owns the slice.
 */
@RestController
class ComplaintKpiController {

	private final NpsReports reports;

	private final InteractiveQueries queries;

	private final NpsProperties properties;

	private final Clock clock;

	ComplaintKpiController(NpsReports reports, InteractiveQueries queries, NpsProperties properties, Clock clock) {
		this.reports = reports;
		this.queries = queries;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping(path = "/api/v1/complaints/kpis",
			produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<?> kpis(@RequestParam MultiValueMap<String, String> parameters, HttpServletRequest request) {
		NpsQuery query = QueryParameters.read(parameters, this.properties.slicing(), this.properties.defaultWindow(),
				LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC), QueryParameters.Endpoint.COMPLAINTS);
		String slice = query.filters().key();
		return this.queries.forwardIfRemote(ComplaintTopology.SLICE_DAYS_STORE, slice, request)
			.<ResponseEntity<?>>map((answer) -> answer)
			.orElseGet(() -> ResponseEntity.ok()
				.header(InteractiveQueries.SERVED_BY_HEADER, this.queries.self())
				.body(this.reports.complaintKpis(query)));
	}

}
